package dev.larder.jcache.dynamodb;

import dev.larder.jcache.internal.UriParameters;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.cache.CacheException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What a {@code dynamodb://TABLE?...} URI (and the cache manager's properties) configure.
 *
 * @param table the table that holds every cache of the manager
 * @param region the AWS region, or null for the SDK's region chain (us-east-1 with an endpoint)
 * @param endpoint an endpoint override (DynamoDB Local, a VPC endpoint), or null
 * @param profile a named profile of {@code ~/.aws/config} for credentials and region, or null for
 *     the SDK's default credentials chain
 * @param createTable whether a missing table is created (on-demand billing, TTL enabled)
 * @param buckets how many partition keys each cache partition is spread over, or 0 to take the
 *     table's (see {@link KeyLayout})
 * @param consistentReads whether reads are strongly consistent (the default; needed for
 *     read-your-writes)
 * @param maxConnections the HTTP connection pool size
 * @param maxAttempts how many times the SDK sends a request before giving up on throttling or a
 *     transient error (the standard retry strategy, exponential backoff with jitter)
 * @param ttlGraceSeconds how long after an entry's expiry the native TTL attribute lets DynamoDB
 *     delete it (expiry itself is enforced by Larder on every read and conditional write)
 * @param interceptors SDK interceptors added to the client (metrics, request counting)
 */
record DynamoDbSettings(
    String table,
    String region,
    URI endpoint,
    String profile,
    boolean createTable,
    int buckets,
    boolean consistentReads,
    int maxConnections,
    int maxAttempts,
    long ttlGraceSeconds,
    List<ExecutionInterceptor> interceptors) {

  /**
   * Manager property holding SDK {@link ExecutionInterceptor}s for the client: a {@code List} or a
   * single instance (put with {@code Properties.put}), or a comma-separated list of class names
   * with public no-argument constructors.
   */
  static final String INTERCEPTORS = "larder.dynamodb.interceptors";

  static final int DEFAULT_MAX_CONNECTIONS = 128;
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final long DEFAULT_TTL_GRACE_SECONDS = 3_600;

  private static final Set<String> KNOWN =
      Set.of(
          "region",
          "endpoint",
          "profile",
          "createTable",
          "buckets",
          "consistentReads",
          "maxConnections",
          "maxAttempts",
          "ttlGraceSeconds",
          // read by the core for every backend
          "maximumSize");

  static DynamoDbSettings parse(URI uri, Properties properties, ClassLoader loader) {
    String redacted = UriParameters.redact(uri);
    if (uri.isOpaque() || uri.getHost() == null && uri.getAuthority() == null) {
      throw invalid(redacted, "name the table after '//': dynamodb://TABLE?region=eu-west-1");
    }
    String table = uri.getAuthority();
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          redacted,
          "credentials do not belong in the URI; use the SDK's default chain or profile=NAME");
    }
    if (!table.matches("[A-Za-z0-9_.-]{3,255}")) {
      throw invalid(
          redacted,
          "'" + table + "' is not a DynamoDB table name (3-255 characters of a-z A-Z 0-9 _ - .)");
    }
    Map<String, String> parameters = UriParameters.of(uri);
    for (String name : parameters.keySet()) {
      if (!KNOWN.contains(name)) {
        throw invalid(redacted, "unknown parameter '" + name + "'; known: " + KNOWN);
      }
    }
    String endpointText = blankToNull(parameters.get("endpoint"));
    URI endpoint = null;
    if (endpointText != null) {
      try {
        endpoint = URI.create(endpointText);
      } catch (IllegalArgumentException e) {
        throw invalid(redacted, "endpoint '" + endpointText + "' is not a URI");
      }
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw invalid(redacted, "endpoint must look like http://host:port");
      }
    }
    return new DynamoDbSettings(
        table,
        blankToNull(parameters.get("region")),
        endpoint,
        blankToNull(parameters.get("profile")),
        bool(parameters, "createTable", false, redacted),
        (int) number(parameters, "buckets", 0, 1, KeyLayout.MAX_BUCKETS, redacted),
        bool(parameters, "consistentReads", true, redacted),
        (int) number(parameters, "maxConnections", DEFAULT_MAX_CONNECTIONS, 1, 10_000, redacted),
        (int) number(parameters, "maxAttempts", DEFAULT_MAX_ATTEMPTS, 1, 20, redacted),
        number(
            parameters, "ttlGraceSeconds", DEFAULT_TTL_GRACE_SECONDS, 0, 365L * 86_400, redacted),
        interceptors(properties.get(INTERCEPTORS), loader));
  }

  private static boolean bool(
      Map<String, String> parameters, String name, boolean otherwise, String uri) {
    String text = parameters.get(name);
    if (text == null || text.isEmpty()) {
      return text == null ? otherwise : true;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(uri, name + " must be true or false, was '" + text + "'");
    };
  }

  private static long number(
      Map<String, String> parameters, String name, long otherwise, long min, long max, String uri) {
    String text = parameters.get(name);
    if (text == null) {
      return otherwise;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(
        uri, name + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
  }

  private static List<ExecutionInterceptor> interceptors(Object value, ClassLoader loader) {
    List<ExecutionInterceptor> found = new ArrayList<>();
    if (value == null) {
      return found;
    }
    if (value instanceof ExecutionInterceptor single) {
      found.add(single);
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        found.addAll(interceptors(element, loader));
      }
    } else if (value instanceof String names) {
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          found.add(instantiate(name.trim(), loader));
        }
      }
    } else {
      throw new CacheException(
          "LARDER-501: manager property "
              + INTERCEPTORS
              + " holds a "
              + value.getClass().getName()
              + "; give ExecutionInterceptor instances or class names");
    }
    return found;
  }

  private static ExecutionInterceptor instantiate(String name, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(name, true, loader);
      return (ExecutionInterceptor) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new CacheException(
          "LARDER-501: cannot create the SDK interceptor " + name + " named in " + INTERCEPTORS, e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static CacheException invalid(String uri, String what) {
    return new CacheException("LARDER-500: invalid DynamoDB URI " + uri + ": " + what);
  }

  /** Everything but the interceptors, for messages; holds no secret. */
  @Override
  public String toString() {
    return "DynamoDbSettings[table="
        + table
        + ", region="
        + region
        + ", endpoint="
        + endpoint
        + ", profile="
        + profile
        + ", buckets="
        + buckets
        + "]";
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.internal.UriParameters;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import redis.clients.jedis.HostAndPort;

/**
 * Where and how to reach Redis, read from a cache manager URI and its properties. Its {@link
 * #toString()} and {@link #describe()} never show the password. Immutable.
 *
 * <p>Forms: {@code redis://[user:pass@]host:port[/db]}, {@code rediss://...} (TLS), {@code
 * redis-cluster://[user:pass@]host:port,host:port} (add {@code ?tls=true} for TLS), {@code
 * redis-sentinel://[user:pass@]host:port,host:port/masterName[?database=n]}. Parameters: {@code
 * timeout} and {@code connectTimeout} (ms), {@code poolSize}, {@code database}. Properties {@code
 * larder.redis.user} and {@code larder.redis.password} supply credentials kept out of the URI;
 * {@code larder.redis.truststore} (+ {@code .password}, {@code .type}) a trust store for TLS.
 */
final class RedisEndpoint {

  /** The deployment shapes Larder connects to. */
  enum Kind {
    SINGLE,
    CLUSTER,
    SENTINEL
  }

  static final String USER = "larder.redis.user";
  static final String PASSWORD = "larder.redis.password";
  static final String TRUSTSTORE = "larder.redis.truststore";
  static final String TRUSTSTORE_PASSWORD = "larder.redis.truststore.password";
  static final String TRUSTSTORE_TYPE = "larder.redis.truststore.type";

  final Kind kind;
  final List<HostAndPort> nodes;
  final String user;
  final String password;
  final int database;
  final boolean tls;
  final String masterName;
  final int timeoutMillis;
  final int connectTimeoutMillis;
  final int poolSize;
  final String truststore;
  final String truststorePassword;
  final String truststoreType;

  private RedisEndpoint(URI uri, Properties properties) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    this.kind =
        switch (scheme) {
          case "redis", "rediss" -> Kind.SINGLE;
          case "redis-cluster", "rediss-cluster" -> Kind.CLUSTER;
          case "redis-sentinel", "rediss-sentinel" -> Kind.SENTINEL;
          default -> throw new IllegalArgumentException("not a Redis URI scheme: " + scheme);
        };
    Map<String, String> params = UriParameters.of(uri);
    this.tls = scheme.startsWith("rediss") || Boolean.parseBoolean(params.get("tls"));
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException(
          "LARDER-R01: Redis URI needs host:port, e.g. redis://localhost:6379 (got "
              + UriParameters.redact(uri)
              + ")");
    }
    String hosts = authority;
    String userInfo = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userInfo = authority.substring(0, at);
      hosts = authority.substring(at + 1);
    }
    String uriUser = null;
    String uriPassword = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      uriUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      uriPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      if (colon < 0) {
        // redis://secret@host is the common "password only" form
        uriPassword = uriUser;
        uriUser = null;
      }
    }
    this.user = emptyToNull(properties.getProperty(USER, uriUser));
    this.password = emptyToNull(properties.getProperty(PASSWORD, uriPassword));
    this.nodes = parseNodes(hosts, uri);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String firstSegment = path.startsWith("/") ? path.substring(1) : path;
    if (kind == Kind.SENTINEL) {
      this.masterName = decode(firstSegment);
      if (masterName.isEmpty()) {
        throw new IllegalArgumentException(
            "LARDER-R01: a sentinel URI names the master: redis-sentinel://host:26379/mymaster");
      }
      this.database = intParam(params, "database", 0, uri);
    } else {
      this.masterName = null;
      this.database =
          firstSegment.isEmpty()
              ? intParam(params, "database", 0, uri)
              : parseInt(firstSegment, "database", uri);
    }
    this.timeoutMillis = intParam(params, "timeout", 2_000, uri);
    this.connectTimeoutMillis = intParam(params, "connectTimeout", timeoutMillis, uri);
    this.poolSize = intParam(params, "poolSize", 16, uri);
    this.truststore = properties.getProperty(TRUSTSTORE);
    this.truststorePassword = properties.getProperty(TRUSTSTORE_PASSWORD);
    this.truststoreType = properties.getProperty(TRUSTSTORE_TYPE, "PKCS12");
  }

  static RedisEndpoint of(URI uri, Properties properties) {
    return new RedisEndpoint(uri, properties);
  }

  private static List<HostAndPort> parseNodes(String hosts, URI uri) {
    List<HostAndPort> parsed = new ArrayList<>();
    for (String node : hosts.split(",")) {
      int colon = node.lastIndexOf(':');
      String host = colon < 0 ? node : node.substring(0, colon);
      int port = colon < 0 ? 6379 : parseInt(node.substring(colon + 1), "port", uri);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      parsed.add(new HostAndPort(host, port));
    }
    return List.copyOf(parsed);
  }

  private static int intParam(Map<String, String> params, String name, int fallback, URI uri) {
    String value = params.get(name);
    return value == null ? fallback : parseInt(value, name, uri);
  }

  private static int parseInt(String text, String name, URI uri) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "LARDER-R01: "
            + name
            + " must be a whole number >= 0, was '"
            + text
            + "' in "
            + UriParameters.redact(uri));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** What identifies a connection pool: everything but the secret itself, plus its hash. */
  String poolKey() {
    return describe()
        + "|"
        + user
        + "|"
        + Objects.hashCode(password)
        + "|"
        + timeoutMillis
        + "|"
        + connectTimeoutMillis
        + "|"
        + poolSize
        + "|"
        + truststore;
  }

  /** The endpoint for messages: scheme, nodes, database or master; never the password. */
  String describe() {
    StringBuilder text = new StringBuilder();
    text.append(
        switch (kind) {
          case SINGLE -> tls ? "rediss://" : "redis://";
          case CLUSTER -> tls ? "rediss-cluster://" : "redis-cluster://";
          case SENTINEL -> tls ? "rediss-sentinel://" : "redis-sentinel://";
        });
    if (user != null) {
      text.append(user).append('@');
    }
    for (int i = 0; i < nodes.size(); i++) {
      text.append(i == 0 ? "" : ",").append(nodes.get(i));
    }
    if (kind == Kind.SENTINEL) {
      text.append('/').append(masterName);
    } else if (database != 0) {
      text.append('/').append(database);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}

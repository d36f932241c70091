package dev.larder.examples.dynamodb;

import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;

/**
 * The JCache operations on DynamoDB, printed step by step.
 *
 * <pre>
 * mvn -pl examples/dynamodb exec:java                                  # DynamoDB Local, in this JVM
 * mvn -pl examples/dynamodb exec:java -Dexec.args="dynamodb://my-table?region=eu-west-1&amp;createTable=true"
 * </pre>
 *
 * <p>With a URI argument (or {@code LARDER_URI} / {@code -Dlarder.uri}) it uses that table, with
 * credentials from the AWS SDK's default chain (environment, {@code ~/.aws}, instance role) or
 * {@code profile=NAME}. With none it starts DynamoDB Local on a free port, points the URI at it
 * ({@code endpoint=...&createTable=true}) and stops it at the end. Only the {@code javax.cache} API
 * is used; {@code larder-jcache-dynamodb} is a runtime dependency found by URI scheme.
 */
public final class DynamoDbExample {

  private DynamoDbExample() {}

  public static void main(String[] args) {
    run(args, System.out);
  }

  /** Runs the example, printing to {@code out}; returns what the last read saw. */
  static String run(String[] args, PrintStream out) {
    String configured = args.length > 0 ? args[0] : configuredUri();
    DynamoDbLocal local = null;
    URI uri;
    if (configured == null) {
      DynamoDbLocal.useTestCredentials();
      local = DynamoDbLocal.server();
      uri = local.larderUri("larder-example", "createTable=true");
      out.println("no URI given: started DynamoDB Local at " + local.endpoint());
    } else {
      uri = URI.create(configured);
    }
    try {
      return demo(uri, out);
    } finally {
      if (local != null) {
        local.close();
        out.println("stopped DynamoDB Local");
      }
    }
  }

  private static String configuredUri() {
    String uri = System.getProperty("larder.uri", System.getenv("LARDER_URI"));
    return uri == null || uri.isBlank() ? null : uri;
  }

  private static String demo(URI uri, PrintStream out) {
    CachingProvider provider = Caching.getCachingProvider();
    try (CacheManager manager =
        provider.getCacheManager(uri, DynamoDbExample.class.getClassLoader())) {
      out.println("cache manager: " + manager.getURI());
      MutableConfiguration<String, String> config =
          new MutableConfiguration<String, String>()
              .setTypes(String.class, String.class)
              .setExpiryPolicyFactory(
                  CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 30)));
      Cache<String, String> sessions = cache(manager, "user sessions", config);
      sessions.clear();

      sessions.put("alice", "cart: 3 items");
      out.println("put(alice)               -> " + sessions.get("alice"));
      out.println("putIfAbsent(alice, ...)  -> " + sessions.putIfAbsent("alice", "other"));
      out.println(
          "replace(alice, a, b)     -> "
              + sessions.replace("alice", "cart: 3 items", "cart: 4 items"));

      sessions.putAll(Map.of("bob", "cart: empty", "carol", "cart: 1 item"));
      out.println(
          "getAll(alice, bob, carol) -> " + sessions.getAll(Set.of("alice", "bob", "carol")));

      String counted =
          sessions.invoke(
              "bob",
              (entry, arguments) -> {
                entry.setValue(entry.getValue() + " (seen)");
                return entry.getValue();
              });
      out.println("invoke(bob)              -> " + counted);

      sessions.removeAll(Set.of("bob", "carol"));
      int left = 0;
      for (Cache.Entry<String, String> ignored : sessions) {
        left++;
      }
      out.println("after removeAll(bob, carol): " + left + " entry left");
      return sessions.get("alice");
    }
  }

  private static Cache<String, String> cache(
      CacheManager manager, String name, MutableConfiguration<String, String> config) {
    Cache<String, String> cache = manager.getCache(name, String.class, String.class);
    return cache != null ? cache : manager.createCache(name, config);
  }
}

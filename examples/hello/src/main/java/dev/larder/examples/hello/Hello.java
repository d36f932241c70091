package dev.larder.examples.hello;

import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;

/**
 * The basic JCache operations on the in-memory default, printed step by step.
 *
 * <p>Uses only the {@code javax.cache} API: the provider is whichever {@code CachingProvider} is on
 * the classpath (Larder here), and the cache manager is the provider's default one.
 */
public final class Hello {

  private static final long SHORT_LIVED_MILLIS = 100;

  private Hello() {}

  public static void main(String[] args) throws InterruptedException {
    CachingProvider provider = Caching.getCachingProvider();
    System.out.println("provider:    " + provider.getClass().getName());
    System.out.println("default URI: " + provider.getDefaultURI());

    try (CacheManager manager = provider.getCacheManager()) {
      greetings(manager);
      shortLived(manager);
    }
    System.out.println("closed the cache manager");
  }

  private static void greetings(CacheManager manager) {
    MutableConfiguration<String, String> config =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setExpiryPolicyFactory(
                CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10)));
    Cache<String, String> cache = manager.createCache("greetings", config);
    System.out.println();
    System.out.println(
        "created cache 'greetings' (String -> String, entries expire 10 minutes after creation)");

    cache.put("hello", "world");
    System.out.println("put(\"hello\", \"world\")");
    String value = cache.get("hello");
    System.out.println(
        "get(\"hello\") -> "
            + value
            + ("world".equals(value) ? "   (round trip ok)" : "   (round trip FAILED)"));

    boolean stored = cache.putIfAbsent("hello", "again");
    System.out.println(
        "putIfAbsent(\"hello\", \"again\") -> " + stored + "   (kept: " + cache.get("hello") + ")");
    stored = cache.putIfAbsent("bye", "moon");
    System.out.println("putIfAbsent(\"bye\", \"moon\") -> " + stored);

    boolean replaced = cache.replace("hello", "world", "there");
    System.out.println(
        "replace(\"hello\", \"world\", \"there\") -> "
            + replaced
            + "   (now: "
            + cache.get("hello")
            + ")");
    replaced = cache.replace("hello", "world", "nope");
    System.out.println(
        "replace(\"hello\", \"world\", \"nope\") -> " + replaced + "   (old value did not match)");

    System.out.println("iterating:");
    for (Cache.Entry<String, String> entry : cache) {
      System.out.println("  " + entry.getKey() + " = " + entry.getValue());
    }

    boolean removed = cache.remove("bye");
    System.out.println(
        "remove(\"bye\") -> " + removed + "   (containsKey: " + cache.containsKey("bye") + ")");

    manager.destroyCache("greetings");
    System.out.println("destroyed cache 'greetings'");
  }

  private static void shortLived(CacheManager manager) throws InterruptedException {
    MutableConfiguration<String, String> config =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setExpiryPolicyFactory(
                CreatedExpiryPolicy.factoryOf(
                    new Duration(TimeUnit.MILLISECONDS, SHORT_LIVED_MILLIS)));
    Cache<String, String> cache = manager.createCache("short-lived", config);
    System.out.println();
    System.out.println(
        "created cache 'short-lived' (entries expire "
            + SHORT_LIVED_MILLIS
            + " ms after creation)");

    cache.put("token", "abc");
    System.out.println("put(\"token\", \"abc\"); get(\"token\") -> " + cache.get("token"));
    Thread.sleep(3 * SHORT_LIVED_MILLIS);
    String after = cache.get("token");
    System.out.println(
        "after "
            + 3 * SHORT_LIVED_MILLIS
            + " ms: get(\"token\") -> "
            + after
            + (after == null ? "   (expired)" : "   (NOT expired)"));

    manager.destroyCache("short-lived");
    System.out.println("destroyed cache 'short-lived'");
  }
}

package dev.larder.examples.redis;

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
 * The JCache API on Redis. Only the URI differs from the in-memory example: pass it as the first
 * argument, or set {@code larder.uri} / {@code LARDER_URI}, e.g. {@code redis://localhost:6379}.
 */
public final class RedisExample {

  private RedisExample() {}

  public static void main(String[] args) {
    CachingProvider provider = Caching.getCachingProvider();
    URI uri = args.length > 0 ? URI.create(args[0]) : provider.getDefaultURI();
    System.out.println("cache manager URI: " + uri);
    try (CacheManager manager = provider.getCacheManager(uri, null)) {
      MutableConfiguration<String, String> config =
          new MutableConfiguration<String, String>()
              .setTypes(String.class, String.class)
              .setExpiryPolicyFactory(
                  CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10)));
      Cache<String, String> sessions = manager.getCache("sessions", String.class, String.class);
      if (sessions == null) {
        sessions = manager.createCache("sessions", config);
      }
      sessions.put("alice", "cart=3 items");
      System.out.println("put(alice) then get(alice) -> " + sessions.get("alice"));
      sessions.putAll(Map.of("bob", "cart=empty", "carol", "cart=1 item"));
      System.out.println(
          "getAll(alice, bob, carol) -> "
              + sessions.getAll(Set.of("alice", "bob", "carol")).size()
              + " entries");
      String counted =
          sessions.invoke(
              "visits",
              (entry, arguments) -> {
                int visits = entry.exists() ? Integer.parseInt(entry.getValue()) + 1 : 1;
                entry.setValue(Integer.toString(visits));
                return entry.getValue();
              });
      System.out.println("invoke(visits) counted atomically across JVMs -> " + counted);
      sessions.clear();
      System.out.println("clear() -> alice is now " + sessions.get("alice"));
      manager.destroyCache("sessions");
    }
  }
}

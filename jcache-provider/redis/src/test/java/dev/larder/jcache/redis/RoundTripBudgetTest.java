package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.testkit.ManualClock;
import dev.larder.testkit.redis.LostReplyProxy;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Proves ARCHITECTURE.md's round-trip budget by what the server executed ({@code INFO commandstats}
 * deltas). A Lua call shows as one {@code evalsha} plus the commands it ran inside the server;
 * those inner commands cost no round trip. Bulk operations are one pipeline.
 */
class RoundTripBudgetTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  private LarderCachingProvider provider;
  private Cache<String, String> cache;

  @BeforeEach
  void open() {
    provider = new LarderCachingProvider();
    Properties properties = new Properties();
    properties.setProperty("larder.namespace", "budget-" + System.nanoTime());
    CacheManager manager =
        provider.getCacheManager(REDIS.uri(), getClass().getClassLoader(), properties);
    cache = manager.createCache("budget", new MutableConfiguration<String, String>());
    // load the scripts once, as a running application would have
    cache.put("warm", "up");
    cache.putIfAbsent("warm", "up");
    cache.remove("warm");
    cache.invoke("warm", (entry, args) -> null);
  }

  @AfterEach
  void close() {
    provider.close();
  }

  /** The commands one operation made the server run, without the testkit's own. */
  private Map<String, Long> commandsOf(Runnable operation) {
    REDIS.get().resetCommandStats();
    operation.run();
    Map<String, Long> commands = new TreeMap<>(REDIS.get().commandStats());
    commands.keySet().removeIf(name -> name.startsWith("config") || name.equals("ping"));
    return commands;
  }

  @Test
  void get_isOnePlainGet() {
    cache.put("k", "v");
    assertEquals(Map.of("get", 1L), commandsOf(() -> cache.get("k")));
  }

  @Test
  void put_isOneScriptCall() {
    // under the default (eternal) policy a put needs nothing of the stored entry: a plain SET
    assertEquals(Map.of("set", 1L), commandsOf(() -> cache.put("k", "v")));
  }

  @Test
  void putIfAbsent_isOneScriptCall() {
    assertEquals(
        Map.of("evalsha", 1L, "get", 1L, "set", 1L),
        commandsOf(() -> cache.putIfAbsent("absent", "v")));
  }

  @Test
  void remove_isOneScriptCall() {
    cache.put("k", "v");
    assertEquals(Map.of("evalsha", 1L, "get", 1L, "del", 1L), commandsOf(() -> cache.remove("k")));
  }

  @Test
  void getAll100_isOneMget() {
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < 100; i++) {
      keys.add("key" + i);
    }
    assertEquals(Map.of("mget", 1L), commandsOf(() -> cache.getAll(keys)));
  }

  @Test
  void putAll100_eternal_isOneMset() {
    Map<String, String> entries = hundred();
    assertEquals(Map.of("mset", 1L), commandsOf(() -> cache.putAll(entries)));
  }

  @Test
  void putAll100_expiring_isOnePipelineOfPlainSets() {
    Cache<String, String> expiring =
        cache
            .getCacheManager()
            .createCache(
                "budget-expiring",
                new MutableConfiguration<String, String>()
                    .setExpiryPolicyFactory(
                        ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))));
    Map<String, String> entries = hundred();
    assertEquals(Map.of("set", 100L), commandsOf(() -> expiring.putAll(entries)));
  }

  @Test
  void putAll_eternal_dropsTheNativeTtlOfTheEntriesItReplaces() {
    ExtendedCache<String, String> extended = ExtendedCache.of(cache);
    extended.putWithTtl("key1", "short-lived", java.time.Duration.ofMinutes(5));
    try (RedisClient redis = RedisClient.create(REDIS.uri().getHost(), REDIS.uri().getPort())) {
      // other tests of this class left eternal "key1"s in their own namespaces on this server
      List<String> withTtl =
          redis.keys("*key1").stream().filter(key -> redis.pttl(key) > 0).toList();
      assertEquals(1, withTtl.size(), "the TTL'd entry's Redis key, with a native TTL");
      String redisKey = withTtl.get(0);
      cache.putAll(hundred());
      assertEquals(-1L, redis.pttl(redisKey), "an eternal entry has no native TTL");
    }
    assertEquals("value1", cache.get("key1"));
    assertEquals(ExtendedCache.ETERNAL, extended.timeToLive("key1").orElseThrow());
  }

  private static Map<String, String> hundred() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("key" + i, "value" + i);
    }
    return entries;
  }

  @Test
  void invoke_isOneReadAndOneCompareAndSet() {
    cache.put("n", "1");
    assertEquals(
        Map.of("get", 2L, "evalsha", 1L, "set", 1L),
        commandsOf(
            () ->
                cache.invoke(
                    "n",
                    (entry, args) -> {
                      entry.setValue(entry.getValue() + "1");
                      return null;
                    })));
  }

  /**
   * Under access expiry a getAll reads in one round trip and touches every live entry it read in
   * one more (a pipeline of touch scripts), not one per key; counted at the socket by a proxy.
   */
  @Test
  void getAll_underAccessExpiry_isOneReadAndOneTouchPipeline() {
    ManualClock clock = ManualClock.create();
    try (LostReplyProxy proxy = LostReplyProxy.inFrontOf(REDIS.get());
        LarderCachingProvider through = new LarderCachingProvider(clock)) {
      Properties properties = new Properties();
      properties.setProperty("larder.namespace", "budget-touch-" + System.nanoTime());
      CacheManager manager =
          through.getCacheManager(
              URI.create("redis://127.0.0.1:" + proxy.port()),
              getClass().getClassLoader(),
              properties);
      Cache<String, String> accessed =
          manager.createCache(
              "accessed",
              new MutableConfiguration<String, String>()
                  .setTypes(String.class, String.class)
                  .setExpiryPolicyFactory(
                      AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5))));
      Set<String> keys = new LinkedHashSet<>();
      for (int i = 0; i < 10; i++) {
        accessed.put("k" + i, "v" + i);
        keys.add("k" + i);
      }
      clock.advance(java.time.Duration.ofSeconds(1));
      accessed.getAll(keys); // touches, so loads the touch script, as a running application has

      clock.advance(java.time.Duration.ofSeconds(1)); // every entry's access expiry moves
      int before = proxy.roundTrips();
      Map<String, String> values = accessed.getAll(keys);

      assertEquals(10, values.size());
      assertEquals(2, proxy.roundTrips() - before, "MGET, then one pipeline of 10 touches");
    }
  }
}

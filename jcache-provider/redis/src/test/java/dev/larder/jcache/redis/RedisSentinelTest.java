package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.redis.RedisSentinel;
import dev.larder.testkit.redis.RedisServerExtension;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cache manager on a {@code redis-sentinel://} URI finds the master and keeps its data there. */
class RedisSentinelTest {

  @RegisterExtension
  static final RedisServerExtension<RedisSentinel> SENTINEL = RedisServerExtension.sentinel();

  private LarderCachingProvider provider;
  private Cache<String, String> cache;

  @BeforeEach
  void open() {
    SENTINEL.get().flushAll();
    provider = new LarderCachingProvider();
    Properties properties = new Properties();
    properties.setProperty("larder.namespace", "sentinel-" + System.nanoTime());
    CacheManager manager =
        provider.getCacheManager(SENTINEL.uri(), getClass().getClassLoader(), properties);
    cache = manager.createCache("orders", new MutableConfiguration<String, String>());
  }

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void putGetRemoveInvoke_roundTripThroughTheSentinel() {
    cache.put("k", "v");
    assertEquals("v", cache.get("k"));
    assertTrue(cache.containsKey("k"));

    assertEquals("v!", cache.invoke("k", (entry, args) -> entry.getValue() + args[0], "!"));
    cache.invoke(
        "k",
        (entry, args) -> {
          entry.setValue("updated");
          return null;
        });
    assertEquals("updated", cache.get("k"));

    assertTrue(cache.remove("k"));
    assertNull(cache.get("k"));
    assertFalse(cache.remove("k"));
  }

  @Test
  void writes_landOnTheMaster() {
    RedisSentinel sentinel = SENTINEL.get();
    long before = (Long) sentinel.master().call("DBSIZE");
    sentinel.resetCommandStats();

    cache.put("k", "v");
    Map<String, Long> stats = sentinel.commandStats();

    assertTrue((Long) sentinel.master().call("DBSIZE") > before);
    // the default (eternal) put is one plain SET, executed by the master
    assertEquals(1L, stats.get("set"), "the master did not execute the write: " + stats);
    assertEquals("v", cache.get("k"));
    assertTrue(sentinel.commandStats().getOrDefault("get", 0L) >= 1L);
  }
}

package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.LarderCacheManager;
import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.LarderLock;
import dev.larder.jcache.ext.LarderQueue;
import dev.larder.jcache.ext.Lease;
import dev.larder.jcache.ext.WriteOptions;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the extension operations make the server run ({@code INFO commandstats} deltas): plain
 * commands where one suffices, bounded scripts for leases, no scans.
 */
class RedisExtensionCommandsTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  private LarderCachingProvider provider;
  private LarderCacheManager manager;
  private ExtendedCache<String, String> cache;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void open() {
    provider = new LarderCachingProvider();
    Properties properties = new Properties();
    properties.setProperty("larder.namespace", "ext-commands-" + System.nanoTime());
    manager =
        provider
            .getCacheManager(REDIS.uri(), getClass().getClassLoader(), properties)
            .unwrap(LarderCacheManager.class);
    cache =
        manager
            .createCache("commands", new MutableConfiguration<String, String>())
            .unwrap(ExtendedCache.class);
    // load the scripts once, as a running application would have
    manager.locks().lock("warm").tryAcquire(Duration.ofSeconds(1)).orElseThrow().release();
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private Map<String, Long> commandsOf(Runnable operation) {
    REDIS.get().resetCommandStats();
    operation.run();
    Map<String, Long> commands = new TreeMap<>(REDIS.get().commandStats());
    commands.keySet().removeIf(name -> name.startsWith("config") || name.equals("ping"));
    return commands;
  }

  @Test
  void putWithTtl_isOnePlainSet() {
    assertEquals(
        Map.of("set", 1L), commandsOf(() -> cache.putWithTtl("k", "v", Duration.ofMinutes(1))));
  }

  @Test
  void taggedPut_isTheSetThenOneIndexPipeline() {
    assertEquals(
        Map.of("set", 1L, "hset", 2L, "sadd", 2L),
        commandsOf(() -> cache.put("k", "v", WriteOptions.indices("a", "b"))));
  }

  @Test
  void metadata_isOneGet() {
    cache.cache().put("k", "v");
    assertEquals(Map.of("get", 1L), commandsOf(() -> cache.metadata("k")));
  }

  @Test
  void indexPage_isOneHscanAndOneMget() {
    cache.put("k", "v", WriteOptions.indices("a"));
    assertEquals(
        Map.of("hscan", 1L, "mget", 1L), commandsOf(() -> cache.indexKeys("a", null, 100)));
  }

  @Test
  void queuePushAndPop_arePlainListCommands() {
    LarderQueue<String> queue = manager.queues().queue("q", String.class);
    assertEquals(Map.of("lpush", 1L), commandsOf(() -> queue.push("item")));
    assertEquals(Map.of("rpop", 1L), commandsOf(queue::pop));
  }

  @Test
  void lockAcquire_isOneScriptWithSetAndIncr() {
    LarderLock lock = manager.locks().lock("l");
    Lease[] lease = new Lease[1];
    assertEquals(
        Map.of("evalsha", 1L, "set", 1L, "incr", 1L),
        commandsOf(() -> lease[0] = lock.tryAcquire(Duration.ofSeconds(5)).orElseThrow()));
    assertEquals(Map.of("evalsha", 1L, "get", 1L, "del", 1L), commandsOf(lease[0]::release));
  }
}

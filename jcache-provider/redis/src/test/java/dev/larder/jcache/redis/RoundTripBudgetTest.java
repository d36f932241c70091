package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  void putAll100_isOnePipelineOfPlainSets() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("key" + i, "value" + i);
    }
    assertEquals(Map.of("set", 100L), commandsOf(() -> cache.putAll(entries)));
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
}

package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.testkit.redis.LostReplyProxy;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies lost after Redis applied the write, through a proxy that closes the client's connection
 * instead of passing the reply on. A single-node Jedis client does not retry; the store sends a
 * versioned write once more, and the write recognizes itself: every operation returns what one
 * successful call returns and applies once. A removal is not sent again, and says so.
 */
class RedisLostReplyTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  private LostReplyProxy proxy;
  private LarderCachingProvider provider;
  private CacheManager manager;

  @BeforeEach
  void open() {
    // the scripts are cached up front, so no lost reply is a NOSCRIPT the write never ran under
    for (Scripts.Script script :
        List.of(Scripts.PUT, Scripts.REMOVE, Scripts.TOUCH, Scripts.GET_AND_TOUCH)) {
      REDIS.get().callBinary("SCRIPT".getBytes(), "LOAD".getBytes(), script.source);
    }
    proxy = LostReplyProxy.inFrontOf(REDIS.get());
    Properties properties = new Properties();
    properties.setProperty("larder.namespace", "lost-" + UUID.randomUUID());
    provider = new LarderCachingProvider();
    manager =
        provider.getCacheManager(
            URI.create("redis://127.0.0.1:" + proxy.port()),
            getClass().getClassLoader(),
            properties);
  }

  @AfterEach
  void close() {
    provider.close();
    proxy.close();
  }

  /** A writer that records what it hears. */
  static final class Recorder implements CacheWriter<String, String> {
    final List<String> heard = new ArrayList<>();

    @Override
    public synchronized void write(Cache.Entry<? extends String, ? extends String> entry) {
      heard.add(entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      entries.forEach(this::write);
      entries.clear();
    }

    @Override
    public synchronized void delete(Object key) {
      heard.add(key + " deleted");
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
      keys.clear();
    }
  }

  private Cache<String, String> cache(MutableConfiguration<String, String> configuration) {
    return manager.createCache("lost " + UUID.randomUUID(), configuration);
  }

  private static MutableConfiguration<String, String> strings() {
    return new MutableConfiguration<String, String>().setTypes(String.class, String.class);
  }

  private Cache<String, String> writingThrough(Recorder writer) {
    return cache(
        strings()
            .setWriteThrough(true)
            .setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(writer)));
  }

  @Test
  void invoke_incrementsWhoseRepliesAreLost_applyOnceEach() {
    Cache<String, String> cache = cache(strings());
    REDIS.get().resetCommandStats();

    for (int i = 1; i <= 60; i++) {
      proxy.loseNextReplyTo("EVALSHA");
      int count =
          cache.invoke(
              "n",
              (entry, args) -> {
                int next = entry.exists() ? Integer.parseInt(entry.getValue()) + 1 : 1;
                entry.setValue(Integer.toString(next));
                return next;
              });
      assertEquals(i, count);
    }

    assertEquals("60", cache.get("n"));
    assertEquals(60, proxy.lostReplies(), "every increment's first reply was lost");
    assertEquals(
        120L,
        REDIS.get().commandStats().get("evalsha"),
        "each increment ran twice on the server: applied, then recognized itself");
  }

  @Test
  void conditionalWrites_whoseRepliesAreLost_reportTheWriteTheyMade_andWriteThroughOnce() {
    Recorder writer = new Recorder();
    Cache<String, String> cache = writingThrough(writer);

    proxy.loseNextReplyTo("EVALSHA");
    assertTrue(cache.putIfAbsent("k", "1"), "putIfAbsent stored, though its reply was lost");
    proxy.loseNextReplyTo("EVALSHA");
    assertFalse(cache.putIfAbsent("k", "2"));
    proxy.loseNextReplyTo("EVALSHA");
    assertTrue(cache.replace("k", "1", "3"), "replace(k, old, new) replaced");
    proxy.loseNextReplyTo("EVALSHA");
    assertTrue(cache.replace("k", "4"));
    proxy.loseNextReplyTo("SET");
    cache.put("k", "5");

    assertEquals(5, proxy.lostReplies());
    assertEquals("5", cache.get("k"));
    assertEquals(List.of("k=1", "k=3", "k=4", "k=5"), writer.heard, "each write heard once");
  }

  @Test
  void put_whoseReplyIsLost_appliesOnce() {
    Cache<String, String> cache = cache(strings());
    REDIS.get().resetCommandStats();
    proxy.loseNextReplyTo("SET");

    cache.put("k", "v");

    assertEquals(1, proxy.lostReplies());
    assertEquals(2L, REDIS.get().commandStats().get("set"), "sent twice");
    assertEquals("v", cache.get("k"));
  }

  @Test
  void getAndPut_whoseReplyIsLost_appliesAndSaysThePreviousValueIsUnknown() {
    Cache<String, String> cache = cache(strings());
    cache.put("k", "old");
    proxy.loseNextReplyTo("SET");

    CacheException e = assertThrows(CacheException.class, () -> cache.getAndPut("k", "new"));

    assertEquals(1, proxy.lostReplies());
    assertTrue(e.getMessage().contains("LARDER-022"), e.getMessage());
    assertEquals("new", cache.get("k"));
  }

  @Test
  void putAll_whoseReplyIsLost_appliesOnce() {
    Cache<String, String> cache = cache(strings());
    proxy.loseNextReplyTo("MSET");

    cache.putAll(Map.of("a", "1", "b", "2"));

    assertEquals(1, proxy.lostReplies());
    assertEquals(Map.of("a", "1", "b", "2"), cache.getAll(Set.of("a", "b")));
  }

  @Test
  void refreshTtl_whoseReplyIsLost_refreshes() {
    ExtendedCache<String, String> cache = ExtendedCache.of(cache(strings()));
    cache.cache().put("k", "v");
    proxy.loseNextReplyTo("EVALSHA");

    assertTrue(cache.refreshTtl("k", Duration.ofHours(1)));

    assertEquals(1, proxy.lostReplies());
    Duration left = cache.timeToLive("k").orElseThrow();
    assertTrue(left.compareTo(Duration.ofMinutes(59)) > 0, left::toString);
  }

  @Test
  void getWithAccessExpiry_whoseReplyIsLost_returnsTheValue() {
    Cache<String, String> cache =
        cache(
            strings()
                .setExpiryPolicyFactory(
                    AccessedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
    cache.put("k", "v");
    proxy.loseNextReplyTo("EVALSHA");

    assertEquals("v", cache.get("k"));

    assertEquals(1, proxy.lostReplies());
  }

  @Test
  void remove_whoseReplyIsLost_failsSayingItMayHaveApplied() {
    Recorder writer = new Recorder();
    Cache<String, String> cache = writingThrough(writer);
    cache.put("k", "v");
    proxy.loseNextReplyTo("EVALSHA");

    CacheException e = assertThrows(CacheException.class, () -> cache.remove("k"));

    assertEquals(1, proxy.lostReplies());
    assertTrue(e.getMessage().contains("may have applied"), e.getMessage());
    assertTrue(e.getMessage().contains("read the key"), e.getMessage());
    // it had applied; sent again it would have found nothing and answered false
    assertNull(cache.get("k"));
    // the commit failed as far as Larder knows, so the writer was not told of the delete
    assertEquals(List.of("k=v"), writer.heard);
  }
}

package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.dynamodb.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replies lost after DynamoDB applied the write, and the SDK's standard retry sending the request
 * again: every operation still returns what one successful call returns and applies once.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLostReplyTest {

  private static final LostReplyInjector LOSE = new LostReplyInjector();
  private static LarderCachingProvider provider;
  private static CacheManager manager;

  @BeforeAll
  static void open(DynamoDbLocal dynamo) {
    Properties properties = new Properties();
    properties.put(DynamoDbStoreProvider.INTERCEPTORS_PROPERTY, LOSE);
    provider = new LarderCachingProvider();
    manager =
        provider.getCacheManager(
            dynamo.larderUri("larder-lost-replies", "createTable=true"),
            DynamoDbLostReplyTest.class.getClassLoader(),
            properties);
  }

  @AfterAll
  static void close() {
    provider.close();
  }

  @AfterEach
  void disarm() {
    LOSE.arm(false);
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

  private Cache<String, String> cache(Recorder writer) {
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    if (writer != null) {
      configuration.setWriteThrough(true);
      configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(writer));
    }
    return manager.createCache("lost " + UUID.randomUUID(), configuration);
  }

  @Test
  void invoke_incrementsWhoseRepliesAreLost_applyOnceEach() {
    Cache<String, String> cache = cache(null);
    LOSE.arm(true);
    int before = LOSE.lost();

    for (int i = 1; i <= 60; i++) {
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

    LOSE.arm(false);
    assertEquals("60", cache.get("n"));
    assertEquals(60, LOSE.lost() - before, "every increment's first reply was lost");
  }

  @Test
  void conditionalWrites_whoseRepliesAreLost_reportTheWriteTheyMade() {
    Recorder writer = new Recorder();
    Cache<String, String> cache = cache(writer);
    LOSE.arm(true);

    assertTrue(cache.putIfAbsent("k", "1"), "putIfAbsent stored, though its reply was lost");
    assertFalse(cache.putIfAbsent("k", "2"));
    assertTrue(cache.replace("k", "1", "3"), "replace(k, old, new) replaced");
    assertTrue(cache.replace("k", "4"));
    cache.put("k", "5");

    LOSE.arm(false);
    assertEquals("5", cache.get("k"));
    assertEquals(List.of("k=1", "k=3", "k=4", "k=5"), writer.heard, "each write heard once");
  }

  @Test
  void getAndPut_whoseReplyIsLost_appliesAndSaysThePreviousValueIsUnknown() {
    Cache<String, String> cache = cache(null);
    cache.put("k", "old");
    LOSE.arm(true);

    CacheException e = assertThrows(CacheException.class, () -> cache.getAndPut("k", "new"));

    LOSE.arm(false);
    assertTrue(e.getMessage().contains("LARDER-022"), e.getMessage());
    assertEquals("new", cache.get("k"));
  }
}

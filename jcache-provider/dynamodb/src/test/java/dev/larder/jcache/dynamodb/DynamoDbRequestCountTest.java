package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.dynamodb.DynamoDbLocalExtension;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The round-trip budget of ARCHITECTURE.md, counted on the wire: DynamoDB Local as a server, the
 * store's own SDK client, an interceptor counting every HTTP request (retries included). A cache
 * with the default (eternal) configuration and no listeners, no contention.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbRequestCountTest {

  private static final RequestCounter COUNTER = new RequestCounter();
  private static LarderCachingProvider provider;
  private static CacheManager manager;
  private Cache<String, String> cache;

  @BeforeAll
  static void openManager(DynamoDbLocal dynamo) {
    Properties properties = new Properties();
    properties.put(DynamoDbStoreProvider.INTERCEPTORS_PROPERTY, COUNTER);
    provider = new LarderCachingProvider();
    manager =
        provider.getCacheManager(
            dynamo.larderUri("larder-requests", "createTable=true"),
            DynamoDbRequestCountTest.class.getClassLoader(),
            properties);
  }

  @AfterAll
  static void closeManager() {
    provider.close();
  }

  @BeforeEach
  void freshCache() {
    String name = "counted cache";
    if (manager.getCache(name, String.class, String.class) != null) {
      manager.destroyCache(name);
    }
    cache =
        manager.createCache(
            name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    cache.clear();
    COUNTER.reset();
  }

  private void assertRequests(Map<String, Integer> expected) {
    assertEquals(expected, COUNTER.byOperation());
  }

  @Test
  void get_costsOneGetItem() {
    cache.put("k", "v");
    COUNTER.reset();

    assertEquals("v", cache.get("k"));

    assertRequests(Map.of("GetItem", 1));
  }

  @Test
  void get_whenAbsent_costsOneGetItem() {
    cache.get("missing");

    assertRequests(Map.of("GetItem", 1));
  }

  @Test
  void put_costsOnePutItem() {
    cache.put("k", "v");

    assertRequests(Map.of("PutItem", 1));
  }

  @Test
  void put_overALiveEntry_costsOnePutItem() {
    cache.put("k", "v1");
    COUNTER.reset();

    cache.put("k", "v2");

    assertRequests(Map.of("PutItem", 1));
    assertEquals("v2", cache.get("k"));
  }

  @Test
  void getAndPut_putIfAbsent_replace_remove_costOneRequestEach() {
    cache.getAndPut("k", "v");
    cache.putIfAbsent("k", "other");
    cache.replace("k", "v2");
    cache.remove("k");

    assertRequests(Map.of("PutItem", 3, "DeleteItem", 1));
  }

  @Test
  void containsKey_costsOneGetItem() {
    cache.containsKey("k");

    assertRequests(Map.of("GetItem", 1));
  }

  @Test
  void getAll_ofHundredKeys_costsOneBatchGetItem() {
    Map<String, String> entries = entries(100);
    cache.putAll(entries);
    COUNTER.reset();

    Map<String, String> read = cache.getAll(entries.keySet());

    assertEquals(entries, read);
    assertRequests(Map.of("BatchGetItem", 1));
  }

  @Test
  void putAll_ofHundredEntries_costsFourBatchWriteItems() {
    cache.putAll(entries(100));

    assertRequests(Map.of("BatchWriteItem", 4));
  }

  @Test
  void removeAll_ofHundredKeys_costsFourBatchWrites() {
    Map<String, String> entries = entries(100);
    cache.putAll(entries);
    COUNTER.reset();

    cache.removeAll(entries.keySet());

    // nobody listens and statistics are off, so nothing needs the previous entries: batched
    // (with statistics or listeners it is a DeleteItem per key: DynamoDbBulkRemoveRequestCountTest)
    assertRequests(Map.of("BatchWriteItem", 4));
  }

  @Test
  void invoke_costsOneGetItemAndOneConditionalPutItem() {
    cache.put("k", "1");
    COUNTER.reset();

    String result =
        cache.invoke(
            "k",
            (entry, arguments) -> {
              entry.setValue(entry.getValue() + "+1");
              return entry.getValue();
            });

    assertEquals("1+1", result);
    assertRequests(Map.of("GetItem", 1, "PutItem", 1));
  }

  @Test
  void clear_ofASmallCache_queriesEachBucketOnce() {
    cache.putAll(entries(10));
    COUNTER.reset();

    cache.clear();

    Map<String, Integer> sent = COUNTER.byOperation();
    // one Query per bucket, and one for the partition's index names (DynamoDbIndices)
    assertEquals(KeyLayout.DEFAULT_BUCKETS + 1, sent.get("Query"));
    assertEquals(Set.of("Query", "BatchWriteItem"), sent.keySet());
  }

  private static Map<String, String> entries(int count) {
    Map<String, String> entries = new HashMap<>();
    for (String key : keys(count)) {
      entries.put(key, "value of " + key);
    }
    return entries;
  }

  private static Set<String> keys(int count) {
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      keys.add("key " + i);
    }
    return keys;
  }
}

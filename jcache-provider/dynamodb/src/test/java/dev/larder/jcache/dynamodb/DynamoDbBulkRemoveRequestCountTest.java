package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.dynamodb.DynamoDbLocalExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code removeAll(keys)} with statistics on counts each removal, so it removes key by key (one
 * DeleteItem each); without listeners or statistics it is batched (DynamoDbRequestCountTest).
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbBulkRemoveRequestCountTest {

  private static final RequestCounter COUNTER = new RequestCounter();
  private static LarderCachingProvider provider;
  private static CacheManager manager;

  @BeforeAll
  static void openManager(DynamoDbLocal dynamo) {
    Properties properties = new Properties();
    properties.put(DynamoDbStoreProvider.INTERCEPTORS_PROPERTY, COUNTER);
    provider = new LarderCachingProvider();
    manager =
        provider.getCacheManager(
            dynamo.larderUri("larder-bulk-remove", "createTable=true"),
            DynamoDbBulkRemoveRequestCountTest.class.getClassLoader(),
            properties);
  }

  @AfterAll
  static void closeManager() {
    provider.close();
  }

  private Cache<String, String> cacheWith100(String name, boolean statistics) {
    Cache<String, String> cache =
        manager.createCache(
            name,
            new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStatisticsEnabled(statistics));
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("key" + i, "value" + i);
    }
    cache.putAll(entries);
    COUNTER.reset();
    return cache;
  }

  @Test
  void removeAll100_withStatistics_removesKeyByKey() {
    Cache<String, String> cache = cacheWith100("counted bulk remove", true);
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 100; i++) {
      keys.add("key" + i);
    }

    cache.removeAll(keys);

    assertEquals(Map.of("DeleteItem", 100), COUNTER.byOperation());
  }
}

package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.spi.Partition;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.dynamodb.DynamoDbLocalExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Bad input and failures, through the JCache API, against DynamoDB Local as a server. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbFaultTest {

  private static final String TABLE = "larder-faults";
  private static final ThrottleInjector THROTTLE = new ThrottleInjector("PutItem");
  private static DynamoDbLocal dynamo;
  private static DynamoDbClient raw;
  private static LarderCachingProvider provider;
  private static CacheManager manager;

  @BeforeAll
  static void open(DynamoDbLocal local) {
    dynamo = local;
    raw = dynamo.client();
    Properties properties = new Properties();
    properties.put(DynamoDbStoreProvider.INTERCEPTORS_PROPERTY, THROTTLE);
    provider = new LarderCachingProvider();
    manager =
        provider.getCacheManager(
            dynamo.larderUri(TABLE, "createTable=true"),
            DynamoDbFaultTest.class.getClassLoader(),
            properties);
  }

  @AfterAll
  static void close() {
    provider.close();
    raw.close();
  }

  @AfterEach
  void disarm() {
    THROTTLE.arm(false);
  }

  private Cache<String, String> cache(String name) {
    Cache<String, String> cache = manager.getCache(name, String.class, String.class);
    return cache != null
        ? cache
        : manager.createCache(
            name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
  }

  @Test
  void put_ofValueOverTheItemLimit_failsNamingLimitCacheAndSize() {
    Cache<String, String> cache = cache("big values");
    String big = "x".repeat(500_000);

    CacheException e = assertThrows(CacheException.class, () -> cache.put("k", big));

    String message = e.getMessage();
    assertTrue(message.contains("400 KB"), message);
    assertTrue(message.contains("409600 bytes"), message);
    assertTrue(message.contains("'big values'"), message);
    // the codec's form of the string: a type byte and 500,000 bytes of UTF-8
    assertTrue(message.contains("500001 bytes"), message);
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void put_justUnderTheItemLimit_isStored() {
    Cache<String, String> cache = cache("big values");
    String large = "y".repeat(400_000);

    cache.put("large", large);

    assertEquals(large, cache.get("large"));
  }

  @Test
  void get_ofAnItemLarderDidNotWrite_failsSayingSo() {
    Cache<String, String> cache = cache("foreign items");
    byte[] key = ("S" + "k").getBytes(StandardCharsets.UTF_8);
    KeyLayout layout = new KeyLayout(KeyLayout.DEFAULT_BUCKETS);
    String pk =
        layout.partitionKey(
            layout.partitionPrefix(new Partition("", "", "foreign items")), layout.bucketOf(key));
    raw.putItem(
        b ->
            b.tableName(TABLE)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(pk),
                        "sk", AttributeValue.fromB(SdkBytes.fromByteArray(layout.sortKey(key))),
                        "v", AttributeValue.fromB(SdkBytes.fromUtf8String("hand written")))));

    CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));

    assertTrue(e.getMessage().contains("LARDER-506"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + TABLE + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("no binary attribute 'ver'"), e.getMessage());
    raw.deleteItem(
        b ->
            b.tableName(TABLE)
                .key(
                    Map.of(
                        "pk", AttributeValue.fromS(pk),
                        "sk", AttributeValue.fromB(SdkBytes.fromByteArray(layout.sortKey(key))))));
  }

  @Test
  void put_whenThrottledBeyondTheSdkRetries_failsNamingTableAndOperation() {
    Cache<String, String> cache = cache("throttled");
    THROTTLE.arm(true);

    CacheException e = assertThrows(CacheException.class, () -> cache.put("k", "v"));

    String message = e.getMessage();
    assertTrue(message.contains("LARDER-504"), message);
    assertTrue(message.contains("PutItem on table '" + TABLE + "'"), message);
    assertTrue(message.contains("'throttled'"), message);
    // the SDK's standard strategy, three attempts in all by default (maxAttempts)
    assertEquals(DynamoDbSettings.DEFAULT_MAX_ATTEMPTS, THROTTLE.throttled());
  }

  @Test
  void open_whenTheTableIsMissing_saysHowToCreateIt() {
    LarderCachingProvider other = new LarderCachingProvider();
    try {
      CacheException e =
          assertThrows(
              CacheException.class,
              () -> other.getCacheManager(dynamo.larderUri("no-such-table", ""), null));

      String message = e.getMessage();
      assertTrue(message.contains("LARDER-502"), message);
      assertTrue(message.contains("'no-such-table' does not exist"), message);
      assertTrue(message.contains("aws dynamodb create-table --table-name no-such-table"), message);
      assertTrue(message.contains("createTable=true"), message);
    } finally {
      other.close();
    }
  }

  @Test
  void open_whenTheTableHasAnotherKeySchema_saysWhatLarderNeeds() {
    raw.createTable(
        b ->
            b.tableName("not-larders")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    LarderCachingProvider other = new LarderCachingProvider();
    try {
      CacheException e =
          assertThrows(
              CacheException.class,
              () ->
                  other.getCacheManager(dynamo.larderUri("not-larders", "createTable=true"), null));

      assertTrue(
          e.getMessage().contains("partition key pk (S) and sort key sk (B)"), e.getMessage());
    } finally {
      other.close();
    }
  }

  @Test
  void open_withCredentialsInTheUri_isRefusedWithoutEchoingThem() {
    LarderCachingProvider other = new LarderCachingProvider();
    try {
      CacheException e =
          assertThrows(
              CacheException.class,
              () ->
                  other.getCacheManager(
                      java.net.URI.create("dynamodb://AKIDEXAMPLE:s3cr3t@" + TABLE), null));

      assertTrue(e.getMessage().contains("credentials do not belong in the URI"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    } finally {
      other.close();
    }
  }

  @Test
  void caches_withAnyCharactersInTheirNames_work() {
    for (String name : new String[] {"new cache", "a.b,c(d)", "ünï|cödé%7C 😀", "line\nbreak"}) {
      Cache<String, String> cache = cache(name);
      cache.put("key with spaces & ü", name);
      assertEquals(name, cache.get("key with spaces & ü"), name);
    }
  }
}

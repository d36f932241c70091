package dev.larder.benchmarks.dynamodb;

import dev.larder.benchmarks.Cursor;
import dev.larder.benchmarks.Keys;
import dev.larder.benchmarks.Servers;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB Local in server mode, over HTTP: Larder's DynamoDB store through the JCache API against
 * the raw AWS SDK v2 calls a hand-written cache would make ({@code GetItem}, {@code PutItem}, one
 * {@code BatchGetItem} of 100 keys, four {@code BatchWriteItem}s of 25), on a table keyed by the
 * String key with the String value in one attribute. Both use the Apache HttpClient 5 transport
 * with the same pool size, and strongly consistent reads (Larder's default).
 *
 * <p>{@link RequestCounters} reports requests and consumed capacity beside the time. One thread:
 * DynamoDB Local and the benchmark share this machine's cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DynamoDbBenchmark {

  static final int SIZE = 1 << 10;
  static final int BATCH = 100;
  static final int WRITE_BATCH = 25;
  static final String LARDER_TABLE = "larder-bench";
  static final String RAW_TABLE = "raw-bench";
  static final String SHAPED_TABLE = "raw-shaped-bench";

  /**
   * Which client: Larder; the raw SDK call a hand-written cache makes (key and value only); or the
   * same raw call on an item shaped like Larder's (composite key, value, version, expiry, native
   * TTL, written-at), which separates what Larder's client costs from what its item costs the
   * server.
   */
  @Param({"larder", "sdk", "sdk-larder-item"})
  public String client;

  private String[] keys;
  private String[] values;
  private List<Set<String>> keySets;
  private List<Map<String, String>> maps;
  private DynamoDbLocal ownServer;
  private CachingProvider caching;
  private CacheManager manager;
  private Cache<String, String> cache;
  private DynamoDbClient sdk;
  private String table;
  private ItemShape shape;

  @Setup(Level.Trial)
  public void open() {
    keys = Keys.of("key-", SIZE);
    values = Keys.values(SIZE);
    keySets = new ArrayList<>();
    maps = new ArrayList<>();
    for (int from = 0; from + BATCH <= SIZE; from += BATCH) {
      Set<String> set = new LinkedHashSet<>();
      Map<String, String> map = new HashMap<>();
      for (int i = from; i < from + BATCH; i++) {
        set.add(keys[i]);
        map.put(keys[i], values[i]);
      }
      keySets.add(set);
      maps.add(map);
    }
    URI endpoint = endpoint();
    CountingInterceptor counting = new CountingInterceptor();
    if (client.equals("larder")) {
      DynamoDbLocal.useTestCredentials();
      URI uri =
          URI.create(
              "dynamodb://"
                  + LARDER_TABLE
                  + "?endpoint="
                  + endpoint
                  + "&region="
                  + DynamoDbLocal.REGION
                  + "&createTable=true");
      Properties properties = new Properties();
      properties.put("larder.dynamodb.interceptors", counting);
      caching = Caching.getCachingProvider("dev.larder.jcache.LarderCachingProvider");
      manager = caching.getCacheManager(uri, DynamoDbBenchmark.class.getClassLoader(), properties);
      String name = "dynamodb-bench";
      cache = manager.getCache(name, String.class, String.class);
      if (cache == null) {
        cache =
            manager.createCache(
                name,
                new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setStatisticsEnabled(false)
                    .setManagementEnabled(false));
      }
    } else {
      sdk =
          DynamoDbClient.builder()
              .endpointOverride(endpoint)
              .region(Region.of(DynamoDbLocal.REGION))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(
                          DynamoDbLocal.ACCESS_KEY, DynamoDbLocal.SECRET_KEY)))
              .httpClientBuilder(
                  Apache5HttpClient.builder()
                      .maxConnections(128)
                      .connectionTimeout(Duration.ofSeconds(5))
                      .socketTimeout(Duration.ofSeconds(30))
                      .tcpKeepAlive(true))
              .overrideConfiguration(
                  o ->
                      o.retryStrategy(
                              AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                  .maxAttempts(3)
                                  .build())
                          .addExecutionInterceptor(counting))
              .build();
      shape = client.equals("sdk") ? ItemShape.MINIMAL : ItemShape.LARDER;
      table = shape == ItemShape.MINIMAL ? RAW_TABLE : SHAPED_TABLE;
      RawTables.create(sdk, table, shape == ItemShape.MINIMAL ? null : ScalarAttributeType.B);
    }
    for (Map<String, String> map : maps) {
      putAll(map);
    }
  }

  private URI endpoint() {
    String shared = System.getProperty(Servers.DYNAMODB);
    if (shared != null) {
      return URI.create(shared);
    }
    ownServer = DynamoDbLocal.server();
    return ownServer.endpoint();
  }

  @TearDown(Level.Trial)
  public void close() {
    if (manager != null) {
      manager.close();
    }
    if (sdk != null) {
      sdk.close();
    }
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Benchmark
  public String get(Cursor cursor, RequestCounters counters) {
    String key = keys[cursor.next(SIZE)];
    if (cache != null) {
      return cache.get(key);
    }
    Map<String, AttributeValue> item =
        sdk.getItem(
                b ->
                    b.tableName(table)
                        .key(shape.key(key))
                        .consistentRead(true)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .item();
    return item == null || item.isEmpty() ? null : shape.value(item);
  }

  @Benchmark
  public void put(Cursor cursor, RequestCounters counters) {
    int i = cursor.next(SIZE);
    if (cache != null) {
      cache.put(keys[i], values[i]);
      return;
    }
    sdk.putItem(
        b ->
            b.tableName(table)
                .item(shape.item(keys[i], values[i]))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
  }

  /** 100 keys, all present: one BatchGetItem. */
  @Benchmark
  public Object getAll(Cursor cursor, RequestCounters counters) {
    Set<String> batch = keySets.get(Math.floorMod(cursor.tick(), keySets.size()));
    if (cache != null) {
      return cache.getAll(batch);
    }
    List<Map<String, AttributeValue>> keyItems = new ArrayList<>(batch.size());
    for (String key : batch) {
      keyItems.add(shape.key(key));
    }
    Map<String, String> found = new HashMap<>();
    Map<String, KeysAndAttributes> pending =
        Map.of(table, KeysAndAttributes.builder().keys(keyItems).consistentRead(true).build());
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> request = pending;
      var response =
          sdk.batchGetItem(
              b -> b.requestItems(request).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        found.put(shape.keyOf(item), shape.value(item));
      }
      pending = response.unprocessedKeys();
    }
    return found;
  }

  /** 100 keys, overwriting present ones: four BatchWriteItems of 25. */
  @Benchmark
  public void putAll(Cursor cursor, RequestCounters counters) {
    putAll(maps.get(Math.floorMod(cursor.tick(), maps.size())));
  }

  private void putAll(Map<String, String> map) {
    if (cache != null) {
      cache.putAll(map);
      return;
    }
    List<WriteRequest> writes = new ArrayList<>(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      Map<String, AttributeValue> item = shape.item(e.getKey(), e.getValue());
      writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
      Map<String, List<WriteRequest>> pending =
          Map.of(table, writes.subList(from, Math.min(writes.size(), from + WRITE_BATCH)));
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response =
            sdk.batchWriteItem(
                b -> b.requestItems(request).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        pending = response.unprocessedItems();
      }
    }
  }
}

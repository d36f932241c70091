package dev.larder.benchmarks.dynamodb;

import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An investigation, not part of {@link dev.larder.benchmarks.RunAll}: what each part of Larder's
 * DynamoDB item costs DynamoDB Local, by raw SDK calls on items that add one part at a time, from
 * the minimal {@code pk S, v S} to Larder's whole item. Every shape gets its own table; shapes are
 * measured in rounds, alternating their order, and each figure is the median over rounds (the first
 * two rounds, which load every table's keys while the server's JIT warms, are dropped).
 *
 * <pre>
 * ItemShapes [ROUNDS [ENDPOINT]]
 * </pre>
 *
 * Rounds default to 12. Without an endpoint it starts DynamoDB Local in this JVM. Prints µs per
 * operation: {@code PutItem}, {@code GetItem}, one {@code BatchGetItem} of 100 keys, and 100 puts
 * as four {@code BatchWriteItem}s.
 */
public final class ItemShapes {

  /** The parts of an item a shape has. */
  enum Part {
    /** {@code pk} S (partition and bucket) + {@code sk} (the key) instead of {@code pk} = key. */
    COMPOSITE_KEY,
    /** {@code sk} B instead of S. */
    BINARY_SORT_KEY,
    /** {@code v} B (a type byte, then the bytes) instead of S. */
    BINARY_VALUE,
    /** {@code ver} and {@code wat}, 8 bytes each. */
    VERSION_WRITTEN_AT,
    /** {@code exp} N, epoch ms (how Larder stored it before it became 8 bytes). */
    EXPIRY_NUMBER,
    /** {@code exp} B, epoch ms as 8 bytes (Larder's). */
    EXPIRY,
    /** {@code ttl} N, epoch s. */
    NATIVE_TTL
  }

  private static final Map<String, Set<Part>> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("minimal (pk S, v S)", EnumSet.noneOf(Part.class));
    SHAPES.put("+ binary value", EnumSet.of(Part.BINARY_VALUE));
    SHAPES.put("+ composite key (sk S)", EnumSet.of(Part.BINARY_VALUE, Part.COMPOSITE_KEY));
    SHAPES.put("+ sk B", EnumSet.of(Part.BINARY_VALUE, Part.COMPOSITE_KEY, Part.BINARY_SORT_KEY));
    SHAPES.put(
        "+ version, written-at",
        EnumSet.of(
            Part.BINARY_VALUE, Part.COMPOSITE_KEY, Part.BINARY_SORT_KEY, Part.VERSION_WRITTEN_AT));
    SHAPES.put(
        "+ expiry as a number",
        EnumSet.of(
            Part.BINARY_VALUE,
            Part.COMPOSITE_KEY,
            Part.BINARY_SORT_KEY,
            Part.VERSION_WRITTEN_AT,
            Part.EXPIRY_NUMBER));
    SHAPES.put(
        "+ expiry as 8 bytes",
        EnumSet.of(
            Part.BINARY_VALUE,
            Part.COMPOSITE_KEY,
            Part.BINARY_SORT_KEY,
            Part.VERSION_WRITTEN_AT,
            Part.EXPIRY));
    SHAPES.put(
        "+ native TTL = Larder's item", EnumSet.complementOf(EnumSet.of(Part.EXPIRY_NUMBER)));
    SHAPES.put(
        "Larder's attributes, hash key only",
        EnumSet.of(Part.BINARY_VALUE, Part.VERSION_WRITTEN_AT, Part.EXPIRY, Part.NATIVE_TTL));
  }

  private static final int KEYS = 1_000;
  private static final int SINGLES = 300;
  private static final int BATCHES = 10;

  private final DynamoDbClient sdk;

  private ItemShapes(DynamoDbClient sdk) {
    this.sdk = sdk;
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    DynamoDbLocal own = args.length > 1 ? null : DynamoDbLocal.server();
    URI endpoint = own == null ? URI.create(args[1]) : own.endpoint();
    try (DynamoDbClient sdk =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(DynamoDbLocal.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(DynamoDbLocal.ACCESS_KEY, DynamoDbLocal.SECRET_KEY)))
            .httpClientBuilder(Apache5HttpClient.builder().maxConnections(16))
            .build()) {
      new ItemShapes(sdk).run(rounds);
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  private void run(int rounds) {
    List<String> names = new ArrayList<>(SHAPES.keySet());
    for (String name : names) {
      Set<Part> parts = SHAPES.get(name);
      ScalarAttributeType sortKey =
          !parts.contains(Part.COMPOSITE_KEY)
              ? null
              : parts.contains(Part.BINARY_SORT_KEY)
                  ? ScalarAttributeType.B
                  : ScalarAttributeType.S;
      RawTables.create(sdk, table(name), sortKey);
    }
    Map<String, List<double[]>> times = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (String name : order) {
        double[] micros = round(name, SHAPES.get(name));
        if (round >= 2) {
          times.computeIfAbsent(name, n -> new ArrayList<>()).add(micros);
        }
      }
    }
    System.out.printf(
        "%-36s %9s %9s %12s %12s%n",
        "shape (µs/op, median)", "put", "get", "getAll(100)", "putAll(100)");
    for (Map.Entry<String, List<double[]>> entry : times.entrySet()) {
      double[] median = new double[4];
      for (int i = 0; i < median.length; i++) {
        int at = i;
        double[] sorted = entry.getValue().stream().mapToDouble(t -> t[at]).sorted().toArray();
        median[i] = sorted[sorted.length / 2];
      }
      System.out.printf(
          "%-36s %9.0f %9.0f %12.0f %12.0f%n",
          entry.getKey(), median[0], median[1], median[2], median[3]);
    }
  }

  private static String table(String name) {
    return "shape-" + Integer.toHexString(name.hashCode());
  }

  private static Map<String, AttributeValue> key(Set<Part> parts, int i) {
    String key = "key-" + i;
    Map<String, AttributeValue> item = new HashMap<>();
    if (!parts.contains(Part.COMPOSITE_KEY)) {
      item.put("pk", AttributeValue.fromS(key));
      return item;
    }
    item.put("pk", AttributeValue.fromS("L1|||shapes|" + (i % 8)));
    item.put(
        "sk",
        parts.contains(Part.BINARY_SORT_KEY)
            ? AttributeValue.fromB(SdkBytes.fromUtf8String("KS" + key))
            : AttributeValue.fromS("KS" + key));
    return item;
  }

  private static Map<String, AttributeValue> item(Set<Part> parts, int i) {
    Map<String, AttributeValue> item = key(parts, i);
    String value = "value-" + i + "-abcdefghijklmnop";
    item.put(
        "v",
        parts.contains(Part.BINARY_VALUE)
            ? AttributeValue.fromB(SdkBytes.fromUtf8String("S" + value))
            : AttributeValue.fromS(value));
    if (parts.contains(Part.VERSION_WRITTEN_AT)) {
      item.put("ver", ItemShape.eightBytes(ThreadLocalRandom.current().nextLong()));
      item.put("wat", ItemShape.eightBytes(System.currentTimeMillis()));
    }
    if (parts.contains(Part.EXPIRY_NUMBER)) {
      item.put("exp", AttributeValue.fromN(Long.toString(Long.MAX_VALUE)));
    }
    if (parts.contains(Part.EXPIRY)) {
      item.put("exp", ItemShape.eightBytes(Long.MAX_VALUE));
    }
    if (parts.contains(Part.NATIVE_TTL)) {
      item.put("ttl", AttributeValue.fromN("253402300799"));
    }
    return item;
  }

  /** One round of one shape: µs per put, get, getAll(100), putAll(100). */
  private double[] round(String name, Set<Part> parts) {
    String table = table(name);
    long start = System.nanoTime();
    for (int i = 0; i < SINGLES; i++) {
      Map<String, AttributeValue> item = item(parts, i % KEYS);
      sdk.putItem(b -> b.tableName(table).item(item));
    }
    long puts = System.nanoTime();
    for (int i = 0; i < SINGLES; i++) {
      Map<String, AttributeValue> key = key(parts, i % KEYS);
      sdk.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    }
    long gets = System.nanoTime();
    for (int batch = 0; batch < BATCHES; batch++) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        keys.add(key(parts, batch * 100 + i));
      }
      Map<String, KeysAndAttributes> pending =
          Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        pending = sdk.batchGetItem(b -> b.requestItems(request)).unprocessedKeys();
      }
    }
    long getAlls = System.nanoTime();
    for (int batch = 0; batch < BATCHES; batch++) {
      for (int quarter = 0; quarter < 4; quarter++) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          Map<String, AttributeValue> item = item(parts, batch * 100 + quarter * 25 + i);
          writes.add(
              WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          pending = sdk.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
      }
    }
    long putAlls = System.nanoTime();
    return new double[] {
      (puts - start) / 1e3 / SINGLES,
      (gets - puts) / 1e3 / SINGLES,
      (getAlls - gets) / 1e3 / BATCHES,
      (putAlls - getAlls) / 1e3 / BATCHES
    };
  }
}

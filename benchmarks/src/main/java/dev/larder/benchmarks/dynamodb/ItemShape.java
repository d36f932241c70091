package dev.larder.benchmarks.dynamodb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the raw SDK side of {@link DynamoDbBenchmark} reads and writes.
 *
 * <ul>
 *   <li>{@link #MINIMAL}: what a hand-written cache stores, the key as the hash key and the value
 *       as a string ({@code pk S}, {@code v S}).
 *   <li>{@link #LARDER}: an item of the shape Larder writes for the same entry (see the DynamoDB
 *       backend's {@code Items} and {@code KeyLayout}): string partition key with a bucket, binary
 *       sort key, binary value, version, expiry (ms) and written-at as 8 bytes each, and one number
 *       (native TTL in s). Built by hand here, so that the raw call does exactly the request Larder
 *       makes.
 * </ul>
 */
enum ItemShape {
  MINIMAL {
    @Override
    Map<String, AttributeValue> key(String key) {
      return Map.of("pk", AttributeValue.fromS(key));
    }

    @Override
    Map<String, AttributeValue> item(String key, String value) {
      return Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromS(value));
    }

    @Override
    String keyOf(Map<String, AttributeValue> item) {
      return item.get("pk").s();
    }

    @Override
    String value(Map<String, AttributeValue> item) {
      return item.get("v").s();
    }
  },

  LARDER {
    /** Larder's default bucket count per cache partition. */
    private static final int BUCKETS = 8;

    /** Epoch ms Larder writes for an entry that never expires, and its native TTL (9999-12-31). */
    private static final long ETERNAL = Long.MAX_VALUE;

    private static final long NEVER_SECONDS = 253_402_300_799L;

    @Override
    Map<String, AttributeValue> key(String key) {
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      Map<String, AttributeValue> item = new HashMap<>(4);
      item.put(
          "pk", AttributeValue.fromS("L1|||raw-shaped|" + Math.floorMod(hash(bytes), BUCKETS)));
      byte[] sk = new byte[bytes.length + 1];
      sk[0] = 'K';
      System.arraycopy(bytes, 0, sk, 1, bytes.length);
      item.put("sk", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sk)));
      return item;
    }

    @Override
    Map<String, AttributeValue> item(String key, String value) {
      Map<String, AttributeValue> item = new HashMap<>(key(key));
      byte[] text = value.getBytes(StandardCharsets.UTF_8);
      byte[] tagged = new byte[text.length + 1];
      tagged[0] = 'S';
      System.arraycopy(text, 0, tagged, 1, text.length);
      item.put("v", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(tagged)));
      item.put("ver", eightBytes(ThreadLocalRandom.current().nextLong()));
      item.put("exp", eightBytes(ETERNAL));
      item.put("ttl", number(NEVER_SECONDS));
      item.put("wat", eightBytes(System.currentTimeMillis()));
      return item;
    }

    @Override
    String keyOf(Map<String, AttributeValue> item) {
      byte[] sk = item.get("sk").b().asByteArrayUnsafe();
      return new String(sk, 1, sk.length - 1, StandardCharsets.UTF_8);
    }

    @Override
    String value(Map<String, AttributeValue> item) {
      byte[] v = item.get("v").b().asByteArrayUnsafe();
      return new String(Arrays.copyOfRange(v, 1, v.length), StandardCharsets.UTF_8);
    }

    private static AttributeValue number(long value) {
      return AttributeValue.fromN(Long.toString(value));
    }

    /** FNV-1a, as Larder buckets keys. */
    private static int hash(byte[] bytes) {
      int hash = 0x811c9dc5;
      for (byte b : bytes) {
        hash ^= b & 0xff;
        hash *= 0x01000193;
      }
      return hash;
    }
  };

  /** A long as 8 big-endian bytes, as Larder stores versions, expiries and written-at times. */
  static AttributeValue eightBytes(long value) {
    return AttributeValue.fromB(
        SdkBytes.fromByteArrayUnsafe(ByteBuffer.allocate(Long.BYTES).putLong(value).array()));
  }

  /** The primary key of {@code key}'s item. */
  abstract Map<String, AttributeValue> key(String key);

  /** The item storing {@code value} under {@code key}. */
  abstract Map<String, AttributeValue> item(String key, String value);

  /** The key an item read back belongs to. */
  abstract String keyOf(Map<String, AttributeValue> item);

  /** The value an item read back holds. */
  abstract String value(Map<String, AttributeValue> item);
}

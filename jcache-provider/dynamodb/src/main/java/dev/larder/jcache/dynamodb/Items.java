package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns entries into DynamoDB items and back. Attribute names are short because DynamoDB counts
 * them in every item's size:
 *
 * <pre>
 * pk   S   partition key (see KeyLayout)       sk   B   sort key
 * v    B   the value's bytes                   ver  B   version, 8 bytes (random, never 0)
 * exp  B   expiry, epoch ms as 8 bytes (Long.MAX_VALUE = never)
 * ttl  N   native TTL, epoch s = expiry + grace (cleanup only; far future when eternal, so that
 *          an update can keep it with if_not_exists like exp)
 * wat  B   written at, epoch ms, 8 bytes       wby  S   written by (absent when null)
 * tags SS  tags (absent when empty)            k    B   the full key, only when sk is hashed
 * </pre>
 *
 * Only {@code ttl} is a number, because DynamoDB's TTL needs one. Version, expiry and written-at
 * are 8 big-endian bytes, which DynamoDB does not parse as decimals (numbers are a measurable share
 * of a server's work per item; see docs/performance.md). Conditions still compare expiries with
 * {@code <} and {@code >}: DynamoDB compares binary values byte by byte, unsigned, which for 8
 * big-endian bytes of a non-negative long is numeric order ({@link #expiry} clamps at 0).
 * Thread-safe.
 */
final class Items {

  static final String PK = "pk";
  static final String SK = "sk";
  static final String VALUE = "v";
  static final String VERSION = "ver";
  static final String EXPIRES = "exp";
  static final String TTL = "ttl";
  static final String WRITTEN_AT = "wat";
  static final String WRITTEN_BY = "wby";
  static final String TAGS = "tags";
  static final String KEY = "k";

  /** DynamoDB's item size limit, attribute names and values together. */
  static final int ITEM_LIMIT = 400 * 1024;

  /** The native TTL of entries that never expire: 9999-12-31T23:59:59Z. */
  static final long NEVER_SECONDS = 253_402_300_799L;

  private static final long NEVER_MILLIS = NEVER_SECONDS * 1000;

  /** What a number attribute may take at most (38 digits), for size estimates. */
  private static final int NUMBER_SIZE = 21;

  private final String table;
  private final long ttlGraceSeconds;

  Items(String table, long ttlGraceSeconds) {
    this.table = table;
    this.ttlGraceSeconds = ttlGraceSeconds;
  }

  static Map<String, AttributeValue> key(String pk, byte[] sk) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put(PK, AttributeValue.fromS(pk));
    key.put(SK, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sk)));
    return key;
  }

  /**
   * The item for a write.
   *
   * @throws StoreException when it would not fit DynamoDB's item limit
   */
  Map<String, AttributeValue> item(
      String pk, byte[] sk, byte[] key, Write write, long version, String cache) {
    return item(pk, sk, key, write, write.expiresAt(), version, cache);
  }

  /** The item for a write with the given expiry (the write's, or the one for replacing). */
  Map<String, AttributeValue> item(
      String pk, byte[] sk, byte[] key, Write write, long expiresAt, long version, String cache) {
    byte[] value = bytes(write.value(), "value");
    Map<String, AttributeValue> item = key(pk, sk);
    item.put(VALUE, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value)));
    item.put(VERSION, eightBytes(version));
    item.put(EXPIRES, expiry(expiresAt));
    item.put(TTL, number(ttlOf(expiresAt)));
    item.put(WRITTEN_AT, eightBytes(write.writtenAt()));
    if (write.writtenBy() != null) {
      item.put(WRITTEN_BY, AttributeValue.fromS(write.writtenBy()));
    }
    if (!write.tags().isEmpty()) {
      item.put(TAGS, AttributeValue.fromSs(java.util.List.copyOf(write.tags())));
    }
    if (KeyLayout.isHashed(sk)) {
      item.put(KEY, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(key)));
    }
    int size = sizeOf(item);
    if (size > ITEM_LIMIT) {
      throw tooLarge(cache, value.length, size);
    }
    return item;
  }

  /**
   * The native TTL (epoch seconds) for an expiry: rounded up, plus the grace period. An eternal
   * entry (or one expiring after 9999) gets the last second of 9999: DynamoDB never reaches it, and
   * it stays a sane epoch (DynamoDB Local deletes items whose TTL overflows in milliseconds).
   */
  long ttlOf(long expiresAt) {
    if (expiresAt >= NEVER_MILLIS) {
      return NEVER_SECONDS;
    }
    long seconds = Math.floorDiv(expiresAt, 1000) + (Math.floorMod(expiresAt, 1000) == 0 ? 0 : 1);
    return seconds > Long.MAX_VALUE - ttlGraceSeconds ? Long.MAX_VALUE : seconds + ttlGraceSeconds;
  }

  StoreException tooLarge(String cache, long valueBytes, long itemBytes) {
    return new StoreException(
        "LARDER-503: a value of "
            + valueBytes
            + " bytes does not fit in DynamoDB's 400 KB item limit ("
            + ITEM_LIMIT
            + " bytes per item, key and attributes included; this item: "
            + (itemBytes < 0 ? "over the limit" : itemBytes + " bytes")
            + ") in table '"
            + table
            + "' for cache '"
            + cache
            + "'; store smaller values or use another backend for them");
  }

  /**
   * The entry of an item.
   *
   * @throws StoreException when the item lacks an attribute Larder always writes
   */
  StoredEntry entry(Map<String, AttributeValue> item) {
    SdkBytes value = binary(item, VALUE);
    long version = versionOf(item);
    long expiresAt = eightBytesOf(item, EXPIRES);
    long writtenAt = eightBytesOf(item, WRITTEN_AT);
    AttributeValue by = item.get(WRITTEN_BY);
    AttributeValue tags = item.get(TAGS);
    return new StoredEntry(
        value.asByteArray(),
        version,
        expiresAt,
        writtenAt,
        by == null ? null : by.s(),
        tags == null || !tags.hasSs() ? java.util.Set.of() : java.util.Set.copyOf(tags.ss()));
  }

  /** The key an item (or a key projection of it) belongs to. */
  byte[] keyOf(Map<String, AttributeValue> item) {
    byte[] sk = binary(item, SK).asByteArray();
    byte[] key = KeyLayout.keyOf(sk);
    if (key != null) {
      return key;
    }
    if (KeyLayout.isHashed(sk)) {
      return binary(item, KEY).asByteArray();
    }
    throw foreign(item, "a sort key Larder never writes");
  }

  /** The version of an item (an entry's or an index member's). */
  long versionOf(Map<String, AttributeValue> item) {
    long version = eightBytesOf(item, VERSION);
    if (version == 0) {
      throw foreign(item, VERSION + " = 0");
    }
    return version;
  }

  private long eightBytesOf(Map<String, AttributeValue> item, String name) {
    byte[] bytes = binary(item, name).asByteArrayUnsafe();
    if (bytes.length != Long.BYTES) {
      throw foreign(item, "attribute '" + name + "' of " + bytes.length + " bytes, not 8");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  private SdkBytes binary(Map<String, AttributeValue> item, String name) {
    AttributeValue attribute = item.get(name);
    if (attribute == null || attribute.b() == null) {
      throw foreign(item, "no binary attribute '" + name + "'");
    }
    return attribute.b();
  }

  private StoreException foreign(Map<String, AttributeValue> item, String problem) {
    AttributeValue pk = item.get(PK);
    return new StoreException(
        "LARDER-506: an item of DynamoDB table '"
            + table
            + "' (pk "
            + (pk == null || pk.s() == null ? "?" : "'" + pk.s() + "'")
            + ") has "
            + problem
            + ": Larder did not write it, or it was changed by hand; delete it, and keep the"
            + " table for Larder alone");
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /**
   * An expiry (or the time conditions compare it with) as stored: 8 big-endian bytes, so that
   * DynamoDB's unsigned byte-by-byte order of binary values is the numeric order. A time before
   * 1970 is stored as 0 (it orders the same against any present time).
   */
  static AttributeValue expiry(long epochMillis) {
    return eightBytes(Math.max(0, epochMillis));
  }

  /** A long as 8 big-endian bytes: how versions, expiries and written-at times are stored. */
  static AttributeValue eightBytes(long value) {
    return AttributeValue.fromB(
        SdkBytes.fromByteArrayUnsafe(ByteBuffer.allocate(Long.BYTES).putLong(value).array()));
  }

  static byte[] bytes(Object stored, String what) {
    if (stored instanceof byte[] bytes) {
      return bytes;
    }
    throw new IllegalArgumentException(
        "the DynamoDB store holds byte[] only, got a "
            + (stored == null ? "null" : stored.getClass().getName())
            + " "
            + what);
  }

  /** DynamoDB's size of an item: names plus values (numbers counted at their maximum). */
  static int sizeOf(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      AttributeValue v = e.getValue();
      if (v.b() != null) {
        size += v.b().asByteArrayUnsafe().length;
      } else if (v.s() != null) {
        size += v.s().getBytes(StandardCharsets.UTF_8).length;
      } else if (v.n() != null) {
        size += NUMBER_SIZE;
      } else if (v.hasSs()) {
        for (String s : v.ss()) {
          size += s.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, size);
  }
}

package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Partition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where an entry lives in the one table all caches share.
 *
 * <ul>
 *   <li>Partition key {@code pk} (string): {@code L1|tenant|namespace|cache|b} with each name
 *       escaped (see {@link #escape}) and {@code b} the entry's bucket, {@code hash(key) mod
 *       buckets}. One cache partition is thus {@code buckets} DynamoDB partition keys: a busy cache
 *       spreads over that many physical partitions instead of being one hot key, and clearing or
 *       walking it is {@code buckets} {@code Query}s (run in parallel), never a {@code Scan}.
 *   <li>Sort key {@code sk} (binary): {@code 'K'} and the key's bytes, or, for keys too long for a
 *       sort key (1024 bytes), {@code 'H'} and the key's SHA-256, with the full key kept in the
 *       item's {@code k} attribute.
 * </ul>
 *
 * Any string, the empty one included, is a legal tenant, namespace and cache name. The bucket count
 * is fixed per table (recorded in its meta item), since changing it would strand entries. Immutable
 * and thread-safe.
 */
final class KeyLayout {

  static final int MAX_BUCKETS = 1_000;
  static final int DEFAULT_BUCKETS = 8;

  /** DynamoDB's limit on a binary sort key. */
  static final int SORT_KEY_LIMIT = 1_024;

  /** The partition key of the item recording the table's layout; no entry's key looks like it. */
  static final String META_PK = "larder-meta";

  static final byte[] META_SK = {'M'};

  /** Escaped partition names longer than this are replaced by their hash (pk limit: 2048 bytes). */
  private static final int PK_TEXT_LIMIT = 1_800;

  private static final byte RAW = 'K';
  private static final byte HASHED = 'H';

  private final int buckets;

  KeyLayout(int buckets) {
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException("buckets must be 1.." + MAX_BUCKETS + ": " + buckets);
    }
    this.buckets = buckets;
  }

  int buckets() {
    return buckets;
  }

  /** The text every partition key of {@code partition} starts with, up to the bucket number. */
  String partitionPrefix(Partition partition) {
    String text =
        escape(partition.tenant())
            + "|"
            + escape(partition.namespace())
            + "|"
            + escape(partition.cache());
    if (text.length() > PK_TEXT_LIMIT) {
      text = "#" + HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
    return "L1|" + text + "|";
  }

  String partitionKey(String prefix, int bucket) {
    return prefix + bucket;
  }

  /** The bucket of a key: a hash of its bytes that every JVM computes alike (FNV-1a). */
  int bucketOf(byte[] key) {
    int hash = 0x811c9dc5;
    for (byte b : key) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Math.floorMod(hash, buckets);
  }

  /** The sort key of a key. */
  byte[] sortKey(byte[] key) {
    if (key.length < SORT_KEY_LIMIT) {
      byte[] sk = new byte[key.length + 1];
      sk[0] = RAW;
      System.arraycopy(key, 0, sk, 1, key.length);
      return sk;
    }
    byte[] digest = sha256(key);
    byte[] sk = new byte[digest.length + 1];
    sk[0] = HASHED;
    System.arraycopy(digest, 0, sk, 1, digest.length);
    return sk;
  }

  /** Whether the item of this sort key keeps its full key in the {@code k} attribute. */
  static boolean isHashed(byte[] sortKey) {
    return sortKey.length > 0 && sortKey[0] == HASHED;
  }

  /** The key of a sort key that holds it, or null when it is hashed (or not Larder's). */
  static byte[] keyOf(byte[] sortKey) {
    if (sortKey.length == 0 || sortKey[0] != RAW) {
      return null;
    }
    return Arrays.copyOfRange(sortKey, 1, sortKey.length);
  }

  /**
   * Escapes a name so that '|' separates names unambiguously: letters, digits and {@code "
   * .,:;_-+=!?@*'()[]{}/<>~^$&#"} stay as they are; every other UTF-16 unit (control characters,
   * {@code %}, {@code |}, anything beyond ASCII) becomes {@code %} and four hex digits. Injective,
   * and the result is valid UTF-8 whatever the input (lone surrogates included).
   */
  static String escape(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x80
          && (Character.isLetterOrDigit(c) || " .,:;_-+=!?@*'()[]{}/<>~^$&#".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(HexFormat.of().toHexDigits(c));
      }
    }
    return out.toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Partition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Redis key names: {@code larder:<namespace>:<cache>:<tenant>:} followed by the entry key's bytes.
 * Names are percent-encoded (everything but {@code A-Z a-z 0-9 . _ ~ -}), so any string is a legal
 * name, separators cannot collide, glob characters never reach a {@code SCAN MATCH} pattern, and no
 * brace in a name can pin a cache to one cluster slot. The cache comes before the tenant, so one
 * pattern finds every tenant of a cache. Immutable.
 */
final class KeyLayout {

  private static final String ROOT = "larder:";

  private final byte[] prefix;

  KeyLayout(Partition partition) {
    String text =
        ROOT
            + encode(partition.namespace())
            + ":"
            + encode(partition.cache())
            + ":"
            + encode(partition.tenant())
            + ":";
    this.prefix = text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The Redis key of an entry key. */
  byte[] key(byte[] entryKey) {
    byte[] key = Arrays.copyOf(prefix, prefix.length + entryKey.length);
    System.arraycopy(entryKey, 0, key, prefix.length, entryKey.length);
    return key;
  }

  /** The entry key of a Redis key of this partition. */
  byte[] entryKey(byte[] redisKey) {
    return Arrays.copyOfRange(redisKey, prefix.length, redisKey.length);
  }

  /** Whether a Redis key belongs to this partition. */
  boolean owns(byte[] redisKey) {
    return redisKey.length >= prefix.length
        && Arrays.equals(redisKey, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The {@code SCAN MATCH} pattern of this partition. */
  byte[] pattern() {
    byte[] pattern = Arrays.copyOf(prefix, prefix.length + 1);
    pattern[prefix.length] = '*';
    return pattern;
  }

  static String encode(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 8);
    for (byte b : utf8) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '-') {
        out.write(c);
      } else {
        out.write('%');
        out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}

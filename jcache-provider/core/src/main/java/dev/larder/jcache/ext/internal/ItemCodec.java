package dev.larder.jcache.ext.internal;

import dev.larder.jcache.codec.Codec;
import dev.larder.jcache.codec.Codecs;
import javax.cache.CacheException;

/**
 * Queue items as bytes: the same binary codec remote caches use (compact strings and numbers, Java
 * serialization with the cache manager's class loader otherwise), with queue-specific errors.
 * Thread-safe.
 */
final class ItemCodec {

  private final String what;
  private final Codec<Object> codec;

  ItemCodec(String what, ClassLoader classLoader) {
    this.what = what;
    this.codec = Codecs.forCache(what, classLoader, false, true);
  }

  /**
   * @throws IllegalArgumentException when the item cannot be serialized
   */
  byte[] encode(Object item) {
    try {
      return (byte[]) codec.encode(item);
    } catch (IllegalArgumentException | CacheException e) {
      throw new IllegalArgumentException(
          "LARDER-067: "
              + what
              + " cannot take a "
              + item.getClass().getName()
              + ": it is not serializable ("
              + e.getMessage()
              + "); make it (and everything it refers to) implement java.io.Serializable."
              + " Nothing was pushed",
          e);
    }
  }

  Object decode(byte[] bytes) {
    try {
      return codec.decode(bytes);
    } catch (CacheException e) {
      throw new CacheException(
          "LARDER-068: " + what + " holds an item this JVM cannot read: " + e.getMessage(), e);
    }
  }
}

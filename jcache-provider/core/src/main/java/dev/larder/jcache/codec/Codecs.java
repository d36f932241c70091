package dev.larder.jcache.codec;

/** Chooses the codec for a cache from its backend and its store-by-value setting. */
public final class Codecs {

  private Codecs() {}

  /**
   * The codec for one cache.
   *
   * @param storesObjects whether the backend keeps objects (else it needs bytes)
   * @param storeByValue the cache's JCache store-by-value setting
   */
  public static <T> Codec<T> forCache(
      String cacheName, ClassLoader classLoader, boolean storesObjects, boolean storeByValue) {
    JavaSerialization serialization = new JavaSerialization(cacheName, classLoader);
    if (!storesObjects) {
      return new BinaryCodec<>(serialization, cacheName);
    }
    return storeByValue ? new CopyingCodec<>(serialization) : new ReferenceCodec<>();
  }
}

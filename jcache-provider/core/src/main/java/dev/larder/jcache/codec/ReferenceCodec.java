package dev.larder.jcache.codec;

/** Store-by-reference: the object itself is stored and handed back. Stateless. */
final class ReferenceCodec<T> implements Codec<T> {

  @Override
  public Object encode(T value) {
    return value;
  }

  @Override
  public Object encodeForLookup(T value) {
    return value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(Object stored) {
    return (T) stored;
  }
}

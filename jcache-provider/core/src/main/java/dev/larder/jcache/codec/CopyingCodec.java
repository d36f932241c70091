package dev.larder.jcache.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Store-by-value for a store that holds objects: immutable values are shared, others are copied by
 * serialization on the way in and on the way out. Thread-safe.
 */
final class CopyingCodec<T> implements Codec<T> {

  private final JavaSerialization serialization;

  CopyingCodec(JavaSerialization serialization) {
    this.serialization = serialization;
  }

  @Override
  public Object encode(T value) {
    return copy(value);
  }

  @Override
  public Object encodeForLookup(T value) {
    return value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(Object stored) {
    return (T) copy(stored);
  }

  private Object copy(Object value) {
    if (Immutables.isImmutable(value)) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    serialization.write(value, out);
    return serialization.read(new ByteArrayInputStream(out.toByteArray()));
  }
}

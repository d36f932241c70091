package dev.larder.jcache.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.cache.CacheException;

/**
 * The byte form for remote stores. The first byte tags the encoding: strings and longs get compact
 * forms (so equal keys have equal bytes and stay readable in a Redis console); everything else is
 * Java serialization. Thread-safe.
 */
final class BinaryCodec<T> implements Codec<T> {

  private static final byte STRING = 'S';
  private static final byte LONG = 'L';
  private static final byte INTEGER = 'I';
  private static final byte SERIALIZED = 'J';

  private final JavaSerialization serialization;
  private final String cacheName;

  BinaryCodec(JavaSerialization serialization, String cacheName) {
    this.serialization = serialization;
    this.cacheName = cacheName;
  }

  @Override
  public Object encode(T value) {
    if (value instanceof String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[utf8.length + 1];
      out[0] = STRING;
      System.arraycopy(utf8, 0, out, 1, utf8.length);
      return out;
    }
    if (value instanceof Long l) {
      return ByteBuffer.allocate(9).put(LONG).putLong(l).array();
    }
    if (value instanceof Integer i) {
      return ByteBuffer.allocate(5).put(INTEGER).putInt(i).array();
    }
    byte[] body = serialization.toBytes(value);
    byte[] out = new byte[body.length + 1];
    out[0] = SERIALIZED;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  @Override
  public Object encodeForLookup(T value) {
    return encode(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(Object stored) {
    if (!(stored instanceof byte[] bytes) || bytes.length == 0) {
      throw corrupted("an empty or non-binary value");
    }
    return (T)
        switch (bytes[0]) {
          case STRING -> new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
          case LONG -> {
            requireLength(bytes, 9);
            yield ByteBuffer.wrap(bytes, 1, 8).getLong();
          }
          case INTEGER -> {
            requireLength(bytes, 5);
            yield ByteBuffer.wrap(bytes, 1, 4).getInt();
          }
          case SERIALIZED -> serialization.fromBytes(bytes, 1);
          default -> throw corrupted("an unknown encoding tag " + bytes[0]);
        };
  }

  private void requireLength(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw corrupted("a cut-short value of " + bytes.length + " bytes");
    }
  }

  private CacheException corrupted(String what) {
    return new CacheException(
        "LARDER-004: cache '"
            + cacheName
            + "' holds "
            + what
            + ": bytes that Larder did not write (corrupted or foreign data)");
  }
}

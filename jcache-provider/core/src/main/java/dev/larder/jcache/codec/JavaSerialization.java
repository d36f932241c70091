package dev.larder.jcache.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import javax.cache.CacheException;

/**
 * Java serialization with a chosen class loader. Errors name the cache, the type and what to do.
 */
final class JavaSerialization {

  private final String cacheName;
  private final ClassLoader classLoader;

  JavaSerialization(String cacheName, ClassLoader classLoader) {
    this.cacheName = cacheName;
    this.classLoader = classLoader;
  }

  void write(Object value, OutputStream out) {
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(value);
    } catch (NotSerializableException e) {
      throw notSerializable(value, e);
    } catch (IOException e) {
      throw new CacheException(
          "LARDER-002: cache '"
              + cacheName
              + "' could not serialize a "
              + value.getClass().getName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  byte[] toBytes(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    write(value, out);
    return out.toByteArray();
  }

  Object read(InputStream in) {
    try (ObjectInputStream ois = new LoaderObjectInputStream(in, classLoader)) {
      return ois.readObject();
    } catch (ClassNotFoundException e) {
      throw new CacheException(
          "LARDER-003: cache '"
              + cacheName
              + "' holds a value of class "
              + e.getMessage()
              + " that its class loader cannot load; put that class on the cache manager's"
              + " class path",
          e);
    } catch (IOException | RuntimeException e) {
      throw new CacheException(
          "LARDER-004: cache '"
              + cacheName
              + "' holds bytes that are not a value Larder wrote (corrupted or foreign data): "
              + e,
          e);
    }
  }

  Object fromBytes(byte[] bytes, int offset) {
    return read(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
  }

  IllegalArgumentException notSerializable(Object value, Exception cause) {
    return new IllegalArgumentException(
        "LARDER-001: cache '"
            + cacheName
            + "' stores by value, but a "
            + value.getClass().getName()
            + " is not serializable ("
            + cause.getMessage()
            + "); make it implement java.io.Serializable, or configure the cache with"
            + " setStoreByValue(false) on the memory backend",
        cause);
  }

  /** Resolves classes with the cache's class loader, as the spec asks of store-by-value. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}

package dev.larder.jcache.ext.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import javax.cache.CacheException;

/** Java serialization of queue items with the cache manager's class loader. Stateless. */
final class ItemCodec {

  private final String what;
  private final ClassLoader classLoader;

  ItemCodec(String what, ClassLoader classLoader) {
    this.what = what;
    this.classLoader = classLoader;
  }

  /**
   * @throws IllegalArgumentException when the item cannot be serialized
   */
  byte[] encode(Object item) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(item);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "LARDER-067: "
              + what
              + " cannot take a "
              + item.getClass().getName()
              + ": it is not serializable ("
              + e
              + "); make it (and everything it refers to) implement java.io.Serializable."
              + " Nothing was pushed",
          e);
    }
    return bytes.toByteArray();
  }

  Object decode(byte[] bytes) {
    try (ObjectInputStream in = new LoaderInput(new ByteArrayInputStream(bytes), classLoader)) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new CacheException(
          "LARDER-068: " + what + " holds an item this JVM cannot read: " + e, e);
    }
  }

  private static final class LoaderInput extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderInput(InputStream in, ClassLoader loader) throws IOException {
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

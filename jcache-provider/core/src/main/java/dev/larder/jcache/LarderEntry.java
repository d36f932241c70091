package dev.larder.jcache;

import java.util.Map;
import java.util.Objects;
import javax.cache.Cache;

/** A key and value pair handed out by Larder (iteration, writers). Immutable. */
public final class LarderEntry<K, V> implements Cache.Entry<K, V>, Map.Entry<K, V> {

  private final K key;
  private final V value;

  public LarderEntry(K key, V value) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public V setValue(V newValue) {
    throw new UnsupportedOperationException("a Larder entry is read-only; use Cache.put");
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("a Larder entry cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LarderEntry<?, ?> that
        && key.equals(that.key)
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() ^ Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}

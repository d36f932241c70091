package dev.larder.jcache.event;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * One change to one entry. For {@code REMOVED} and {@code EXPIRED} events the value is the old
 * value, as the TCK expects; {@code CREATED} events have no old value. Immutable.
 */
public final class LarderCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {

  private static final long serialVersionUID = 1L;

  private final transient K key;
  private final transient V value;
  private final transient V oldValue;
  private final boolean oldValueAvailable;

  LarderCacheEntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue) {
    super(source, type);
    this.key = key;
    this.oldValueAvailable = oldValue != null;
    this.oldValue = oldValue;
    this.value = type == EventType.REMOVED || type == EventType.EXPIRED ? oldValue : value;
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
  public V getOldValue() {
    return oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValueAvailable;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException(
        "a Larder cache entry event cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public String toString() {
    return "CacheEntryEvent{" + getEventType() + ", key=" + key + "}";
  }
}

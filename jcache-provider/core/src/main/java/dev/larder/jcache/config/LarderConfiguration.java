package dev.larder.jcache.config;

import dev.larder.jcache.spi.StoreSettings;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A {@link MutableConfiguration} with Larder's own settings. Not thread-safe while it is being
 * built; a cache keeps its own copy.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class LarderConfiguration<K, V> extends MutableConfiguration<K, V> {

  private static final long serialVersionUID = 1L;

  private long maximumSize = StoreSettings.UNBOUNDED;

  public LarderConfiguration() {}

  /** A copy of any configuration, complete or not. */
  public LarderConfiguration(Configuration<K, V> configuration) {
    if (configuration instanceof CompleteConfiguration<K, V> complete) {
      copyComplete(complete);
    } else {
      setTypes(configuration.getKeyType(), configuration.getValueType());
      setStoreByValue(configuration.isStoreByValue());
    }
    if (configuration instanceof LarderConfiguration<K, V> larder) {
      this.maximumSize = larder.maximumSize;
    }
  }

  private void copyComplete(CompleteConfiguration<K, V> complete) {
    setTypes(complete.getKeyType(), complete.getValueType());
    setStoreByValue(complete.isStoreByValue());
    setReadThrough(complete.isReadThrough());
    setWriteThrough(complete.isWriteThrough());
    setStatisticsEnabled(complete.isStatisticsEnabled());
    setManagementEnabled(complete.isManagementEnabled());
    setCacheLoaderFactory(complete.getCacheLoaderFactory());
    setCacheWriterFactory(complete.getCacheWriterFactory());
    setExpiryPolicyFactory(complete.getExpiryPolicyFactory());
    complete
        .getCacheEntryListenerConfigurations()
        .forEach(this::addCacheEntryListenerConfiguration);
  }

  /** The most entries the memory store keeps before evicting, or unbounded when not set. */
  public long getMaximumSize() {
    return maximumSize;
  }

  /**
   * Bounds the cache by entry count (memory backend). Evicted entries are gone as if removed, but
   * fire no events and count as evictions in the statistics.
   */
  public LarderConfiguration<K, V> setMaximumSize(long maximumSize) {
    if (maximumSize < 0) {
      throw new IllegalArgumentException(
          "maximumSize must be zero or more, was " + maximumSize + "; leave it unset for no bound");
    }
    this.maximumSize = maximumSize;
    return this;
  }

  /** Whether a maximum size was set. */
  public boolean isBounded() {
    return maximumSize != StoreSettings.UNBOUNDED;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof LarderConfiguration<?, ?> that)) {
      return super.equals(other);
    }
    return super.equals(other) && maximumSize == that.maximumSize;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Long.hashCode(maximumSize);
  }
}

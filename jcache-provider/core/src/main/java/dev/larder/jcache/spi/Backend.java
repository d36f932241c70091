package dev.larder.jcache.spi;

/**
 * A connection to one storage system (one URI): hands out partitioned {@link Store}s. Thread-safe;
 * closed by the provider when the last cache manager using it closes.
 */
public interface Backend extends AutoCloseable {

  /**
   * Whether stores of this backend keep keys and values as live Java objects. When false the core
   * hands them {@code byte[]} only.
   */
  boolean storesObjects();

  /** The store for one partition. Cheap; may be called repeatedly for the same partition. */
  Store store(Partition partition, StoreSettings settings);

  /** A description for messages and logs: the endpoint, never a secret. */
  String description();

  @Override
  void close();
}

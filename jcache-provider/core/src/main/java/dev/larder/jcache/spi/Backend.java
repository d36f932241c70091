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

  /**
   * A named FIFO queue; {@code queue.cache()} is the queue's name.
   *
   * @throws UnsupportedOperationException when this backend has no queues
   */
  default QueueStore queue(Partition queue) {
    throw new UnsupportedOperationException(
        "LARDER-061: backend " + description() + " has no queues yet; use memory: or Redis");
  }

  /**
   * A named lease; {@code lock.cache()} is the lock's name.
   *
   * @throws UnsupportedOperationException when this backend has no locks
   */
  default LockStore lock(Partition lock) {
    throw new UnsupportedOperationException(
        "LARDER-062: backend " + description() + " has no locks yet; use memory: or Redis");
  }

  /** A description for messages and logs: the endpoint, never a secret. */
  String description();

  @Override
  void close();
}

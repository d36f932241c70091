package dev.larder.jcache.spi;

/**
 * One named FIFO queue of serialized items; its {@link Partition} holds the tenant, the namespace
 * and, in place of a cache name, the queue's name. Every item pushed is handed to exactly one
 * {@link #pop}, across every JVM that shares the backend (a pop that dies in transit may lose its
 * item; none is ever handed out twice). Thread-safe; throws only {@link StoreException}.
 */
public interface QueueStore {

  Partition partition();

  /** Appends an item at the tail. */
  void push(byte[] item);

  /**
   * Removes and returns the head, waiting up to {@code timeoutMillis} for one to arrive ({@code 0}
   * for no wait); null if none came.
   */
  byte[] pop(long timeoutMillis);

  /** The head without removing it, or null when empty. */
  byte[] peek();

  long size();

  /** Removes every item. */
  void clear();
}

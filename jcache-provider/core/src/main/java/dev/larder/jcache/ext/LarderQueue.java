package dev.larder.jcache.ext;

import java.time.Duration;
import java.util.Optional;

/**
 * A named FIFO queue of one tenant, shared by every JVM that uses the same backend and namespace.
 * Each item pushed is popped exactly once across all of them (an item whose pop dies in transit, a
 * connection lost mid-reply, is lost rather than handed out twice). Items are stored serialized.
 * Thread-safe.
 *
 * @param <T> the item type
 */
public interface LarderQueue<T> {

  /** The queue's name. */
  String name();

  /**
   * Appends an item.
   *
   * @throws IllegalArgumentException when the item cannot be serialized; nothing is pushed
   */
  void push(T item);

  /** Removes and returns the head, if there is one now. */
  Optional<T> pop();

  /** Removes and returns the head, waiting up to {@code timeout} for one to arrive. */
  Optional<T> pop(Duration timeout);

  /** The head, without removing it. */
  Optional<T> peek();

  long size();

  /** Removes every item. */
  void clear();
}

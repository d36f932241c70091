package dev.larder.cdi.internal;

/**
 * Runs the cache writes of {@code @CachePut}, {@code @CacheRemove} and {@code @CacheRemoveAll}:
 * after the current transaction commits (and never if it rolls back), or at once outside one.
 */
@FunctionalInterface
public interface WriteScheduler {

  void schedule(Runnable write);

  /** A scheduler without transactions: every write runs at once. */
  static WriteScheduler immediate() {
    return Runnable::run;
  }
}

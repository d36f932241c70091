package dev.larder.jcache.spi;

/**
 * A read-modify-write decision for {@link Store#compute}. It may run more than once when the store
 * retries a compare-and-set, so it must not publish side effects itself; it returns them in the
 * decision's result.
 *
 * @param <R> the caller's result type
 */
@FunctionalInterface
public interface Mutator<R> {

  /**
   * Decides what to do given the raw stored entry.
   *
   * @param current the stored entry, expired or not, or null if none is stored
   */
  Decision<R> decide(StoredEntry current);
}

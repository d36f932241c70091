package dev.larder.jcache.ext;

/**
 * The named queues of a cache manager's backend and namespace, for one tenant (the global scope
 * unless {@link #forTenant}). Reached with {@code
 * manager.unwrap(LarderCacheManager.class).queues()}. Thread-safe.
 */
public interface Queues {

  /** The queues of one tenant; any string is a legal tenant. */
  Queues forTenant(String tenant);

  /**
   * A queue by name (any string); items popped must be of {@code type}.
   *
   * @throws UnsupportedOperationException when the backend has no queues
   */
  <T> LarderQueue<T> queue(String name, Class<T> type);
}

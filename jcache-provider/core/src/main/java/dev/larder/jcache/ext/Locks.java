package dev.larder.jcache.ext;

/**
 * The named locks of a cache manager's backend and namespace, for one tenant (the global scope
 * unless {@link #forTenant}). Reached with {@code
 * manager.unwrap(LarderCacheManager.class).locks()}. Thread-safe.
 */
public interface Locks {

  /** The locks of one tenant; any string is a legal tenant. */
  Locks forTenant(String tenant);

  /**
   * A lock by name (any string).
   *
   * @throws UnsupportedOperationException when the backend has no locks
   */
  LarderLock lock(String name);
}

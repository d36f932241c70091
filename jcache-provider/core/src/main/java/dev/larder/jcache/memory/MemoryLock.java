package dev.larder.jcache.memory;

import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import java.time.Clock;

/**
 * A lease of a memory backend. Lease TTLs follow the backend's clock, so tests can end a lease by
 * moving a manual clock. Thread-safe (one monitor).
 */
final class MemoryLock implements LockStore {

  private final Partition partition;
  private final Clock clock;
  private String holder;
  private long expiresAt;
  private long fence;

  MemoryLock(Partition partition, Clock clock) {
    this.partition = partition;
    this.clock = clock;
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public synchronized long tryAcquire(String newHolder, long ttlMillis) {
    long now = clock.millis();
    if (holder != null && expiresAt > now) {
      return 0;
    }
    holder = newHolder;
    expiresAt = now + ttlMillis;
    return ++fence;
  }

  @Override
  public synchronized boolean release(String by) {
    if (!isHeldBy(by)) {
      return false;
    }
    holder = null;
    return true;
  }

  @Override
  public synchronized boolean extend(String by, long ttlMillis) {
    if (!isHeldBy(by)) {
      return false;
    }
    expiresAt = clock.millis() + ttlMillis;
    return true;
  }

  @Override
  public synchronized boolean isHeldBy(String by) {
    return by.equals(holder) && expiresAt > clock.millis();
  }
}

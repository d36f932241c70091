package dev.larder.jcache.ext.internal;

import dev.larder.jcache.ext.Lease;
import java.time.Duration;

/** A {@link Lease}: the holder token of one acquisition. Thread-safe. */
final class StoredLease implements Lease {

  private final StoredLock lock;
  private final String holder;
  private final long token;

  StoredLease(StoredLock lock, String holder, long token) {
    this.lock = lock;
    this.holder = holder;
    this.token = token;
  }

  @Override
  public String name() {
    return lock.name();
  }

  @Override
  public long fencingToken() {
    return token;
  }

  @Override
  public boolean isHeld() {
    return StoreCalls.call(lock.what(), "check a lease", () -> lock.store().isHeldBy(holder));
  }

  @Override
  public void extend(Duration ttl) {
    long ttlMillis = StoredLock.ttlMillis(ttl);
    boolean extended =
        StoreCalls.call(
            lock.what(), "extend a lease", () -> lock.store().extend(holder, ttlMillis));
    if (!extended) {
      throw notHeld("extended");
    }
  }

  @Override
  public void release() {
    if (!StoreCalls.call(lock.what(), "release", () -> lock.store().release(holder))) {
      throw notHeld("released");
    }
  }

  @Override
  public void close() {
    StoreCalls.call(lock.what(), "release", () -> lock.store().release(holder));
  }

  private IllegalStateException notHeld(String verb) {
    return new IllegalStateException(
        "LARDER-066: "
            + lock.what()
            + " is no longer held by this lease (fencing token "
            + token
            + "): its TTL ran out or it was released, so it was not "
            + verb
            + " and whoever holds it now keeps it; acquire the lock again");
  }

  @Override
  public String toString() {
    return "Lease{" + lock.what() + ", token " + token + "}";
  }
}

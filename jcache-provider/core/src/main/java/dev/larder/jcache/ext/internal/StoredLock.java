package dev.larder.jcache.ext.internal;

import dev.larder.jcache.ext.LarderLock;
import dev.larder.jcache.ext.Lease;
import dev.larder.jcache.ext.WriteOptions;
import dev.larder.jcache.spi.LockStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link LarderLock} over a {@link LockStore}. Waiting polls the store with a short randomized
 * back-off (a lease ends by TTL on the server, which sends no signal). Thread-safe.
 */
final class StoredLock implements LarderLock {

  private static final long MAX_BACKOFF_MILLIS = 25;

  private final String name;
  private final LockStore store;
  private final String what;

  StoredLock(String name, LockStore store, String what) {
    this.name = name;
    this.store = store;
    this.what = what;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Lease> tryAcquire(Duration ttl) {
    long ttlMillis = ttlMillis(ttl);
    String holder = UUID.randomUUID().toString();
    long token = StoreCalls.call(what, "acquire", () -> store.tryAcquire(holder, ttlMillis));
    return token > 0 ? Optional.of(new StoredLease(this, holder, token)) : Optional.empty();
  }

  @Override
  public Optional<Lease> acquire(Duration ttl, Duration timeout) {
    ttlMillis(ttl);
    Objects.requireNonNull(timeout, "timeout");
    Duration wait =
        timeout.compareTo(StoredQueue.LONGEST_WAIT) > 0 ? StoredQueue.LONGEST_WAIT : timeout;
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    long backoff = 1;
    while (true) {
      Optional<Lease> lease = tryAcquire(ttl);
      long left = deadline - System.nanoTime();
      if (lease.isPresent() || left <= 0) {
        return lease;
      }
      if (Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      long pause = ThreadLocalRandom.current().nextLong(1, backoff + 1);
      LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
      backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }
  }

  LockStore store() {
    return store;
  }

  String what() {
    return what;
  }

  static long ttlMillis(Duration ttl) {
    WriteOptions.requirePositive(ttl, "a lock's TTL");
    return Math.max(1, ttl.toMillis());
  }

  @Override
  public String toString() {
    return "LarderLock{" + what + "}";
  }
}

package dev.larder.jcache.ext;

import java.time.Duration;
import java.util.Optional;

/**
 * A named lock of one tenant, shared by every JVM that uses the same backend and namespace: at most
 * one {@link Lease} holds it at a time. A lease whose holder died is taken over once its TTL runs
 * out. Not reentrant: a second acquisition by the same thread waits like any other. Thread-safe.
 */
public interface LarderLock {

  /** The lock's name. */
  String name();

  /**
   * Takes the lock for {@code ttl} if it is free now.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  Optional<Lease> tryAcquire(Duration ttl);

  /**
   * Takes the lock for {@code ttl}, waiting up to {@code timeout} for it to be free.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  Optional<Lease> acquire(Duration ttl, Duration timeout);
}

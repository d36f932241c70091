package dev.larder.jcache.ext;

import java.time.Duration;

/**
 * A held lock: valid until {@link #release()}d or until its TTL runs out, whichever comes first.
 * Pass {@link #fencingToken()} to the resource the lock protects, which should refuse a token lower
 * than one it has seen: a holder paused past its TTL may not know it lost the lease. Closing
 * releases the lease if this holder still has it, and never throws. Thread-safe.
 */
public interface Lease extends AutoCloseable {

  /** The lock's name. */
  String name();

  /** Greater than the token of every earlier acquisition of this lock. */
  long fencingToken();

  /** Whether this lease still holds the lock. */
  boolean isHeld();

  /**
   * Makes the lease expire {@code ttl} from now.
   *
   * @throws IllegalStateException when this lease no longer holds the lock (its TTL ran out, or it
   *     was released); nothing changes, acquire the lock again
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  void extend(Duration ttl);

  /**
   * Releases the lock.
   *
   * @throws IllegalStateException when this lease no longer holds the lock; the current holder, if
   *     any, keeps it
   */
  void release();

  /** Releases the lock if this lease still holds it; quiet otherwise. */
  @Override
  void close();
}

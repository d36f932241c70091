package dev.larder.jcache.spi;

/**
 * One named lease; its {@link Partition} holds the tenant, the namespace and, in place of a cache
 * name, the lock's name. At most one holder at a time across every JVM that shares the backend; a
 * lease ends when its holder releases it or its TTL runs out, whichever comes first. Every
 * acquisition gets a fencing token greater than every token handed out before for this lock.
 * Thread-safe; throws only {@link StoreException}.
 */
public interface LockStore {

  Partition partition();

  /**
   * Takes the lease for {@code holder} (a token unique to this acquisition) if nobody holds it.
   *
   * @return the fencing token (&gt; 0), or 0 when someone else holds the lease
   */
  long tryAcquire(String holder, long ttlMillis);

  /** Ends the lease if {@code holder} holds it; returns whether it did. */
  boolean release(String holder);

  /** Sets the lease's TTL to {@code ttlMillis} from now if {@code holder} holds it. */
  boolean extend(String holder, long ttlMillis);

  /** Whether {@code holder} holds the lease now. */
  boolean isHeldBy(String holder);
}

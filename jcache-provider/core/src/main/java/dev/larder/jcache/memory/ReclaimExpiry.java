package dev.larder.jcache.memory;

import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.larder.jcache.spi.StoredEntry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Tells Caffeine when to reclaim an entry: {@code reclaimDelayMillis} after its {@link
 * StoredEntry#expiresAt()}, never before, and never for {@link StoredEntry#ETERNAL} entries.
 *
 * <p>Caffeine's time comes from {@link #ticker()}: the backend's clock, in nanoseconds since this
 * object was made (counting from then rather than from 1970 keeps nanoseconds far from overflow
 * whatever the clock says). So the core's expiry decisions and Caffeine's reclamation follow one
 * clock, and a test's fake clock drives both. The reclaim time is computed from the entry alone,
 * not from when Caffeine asks, so it is the same on create, update and touch; reads leave it as it
 * is.
 *
 * <p>Limit: Caffeine's longest expiry is about 146 years, so an eternal entry (or one expiring
 * later than that) is dropped if the clock moves that far without the entry being written.
 *
 * <p>Immutable and thread-safe.
 */
final class ReclaimExpiry implements Expiry<Object, StoredEntry> {

  private final Clock clock;
  private final long originMillis;
  private final long reclaimDelayMillis;

  ReclaimExpiry(Clock clock, long reclaimDelayMillis) {
    if (reclaimDelayMillis < 0) {
      throw new IllegalArgumentException("reclaimDelayMillis must be >= 0: " + reclaimDelayMillis);
    }
    this.clock = clock;
    this.originMillis = clock.millis();
    this.reclaimDelayMillis = reclaimDelayMillis;
  }

  /** Caffeine's clock: the backend clock in nanoseconds since this expiry was made. */
  Ticker ticker() {
    return () -> nanosSinceOrigin(clock.millis());
  }

  @Override
  public long expireAfterCreate(Object key, StoredEntry entry, long currentTime) {
    return untilReclaim(entry, currentTime);
  }

  @Override
  public long expireAfterUpdate(
      Object key, StoredEntry entry, long currentTime, long currentDuration) {
    return untilReclaim(entry, currentTime);
  }

  @Override
  public long expireAfterRead(
      Object key, StoredEntry entry, long currentTime, long currentDuration) {
    return currentDuration;
  }

  /** Nanoseconds from {@code currentTime} (a {@link #ticker()} reading) until it may be dropped. */
  long untilReclaim(StoredEntry entry, long currentTime) {
    long expiresAt = entry.expiresAt();
    if (expiresAt == StoredEntry.ETERNAL || expiresAt > StoredEntry.ETERNAL - reclaimDelayMillis) {
      return Long.MAX_VALUE;
    }
    long reclaimAt = nanosSinceOrigin(expiresAt + reclaimDelayMillis);
    if (reclaimAt == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    if (reclaimAt <= currentTime) {
      return 0;
    }
    long duration = reclaimAt - currentTime;
    return duration < 0 ? Long.MAX_VALUE : duration; // overflowed: centuries away
  }

  private long nanosSinceOrigin(long epochMillis) {
    long millis = epochMillis - originMillis;
    if (((epochMillis ^ originMillis) & (epochMillis ^ millis)) < 0) {
      millis = epochMillis < 0 ? Long.MIN_VALUE : Long.MAX_VALUE; // overflowed
    }
    return TimeUnit.MILLISECONDS.toNanos(millis); // saturates
  }
}

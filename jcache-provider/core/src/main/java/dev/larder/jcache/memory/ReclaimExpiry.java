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
 * <p>Caffeine's time comes from {@link #ticker(Clock)}, the backend's clock in nanoseconds, so the
 * core's expiry decisions and Caffeine's reclamation follow one clock (a test's fake clock drives
 * both). The reclaim time is computed from the entry alone, not from when Caffeine asks, so it is the
 * same on create, update and touch. Reads leave it unchanged. Stateless and thread-safe.
 */
final class ReclaimExpiry implements Expiry<Object, StoredEntry> {

  private final long reclaimDelayMillis;

  ReclaimExpiry(long reclaimDelayMillis) {
    if (reclaimDelayMillis < 0) {
      throw new IllegalArgumentException("reclaimDelayMillis must be >= 0: " + reclaimDelayMillis);
    }
    this.reclaimDelayMillis = reclaimDelayMillis;
  }

  /** Caffeine's clock: {@code clock}'s milliseconds as nanoseconds (saturating). */
  static Ticker ticker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
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

  /** Nanoseconds from {@code currentTime} (ticker nanos) until the entry may be dropped. */
  long untilReclaim(StoredEntry entry, long currentTime) {
    long expiresAt = entry.expiresAt();
    if (expiresAt == StoredEntry.ETERNAL
        || expiresAt > StoredEntry.ETERNAL - reclaimDelayMillis) {
      return Long.MAX_VALUE;
    }
    long reclaimAt = TimeUnit.MILLISECONDS.toNanos(expiresAt + reclaimDelayMillis);
    if (reclaimAt == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    if (reclaimAt <= currentTime) {
      return 0;
    }
    long duration = reclaimAt - currentTime;
    // overflows only for a clock set before 1970 and an expiry centuries ahead: treat as never
    return duration < 0 ? Long.MAX_VALUE : duration;
  }
}

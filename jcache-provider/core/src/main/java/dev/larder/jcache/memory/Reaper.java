package dev.larder.jcache.memory;

import com.github.benmanes.caffeine.cache.Cache;
import dev.larder.jcache.spi.StoredEntry;
import java.time.Clock;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reclaims expired entries without waiting for a read: {@code delayMillis} after an entry's expiry
 * by the backend's clock (never before, so the core still sees it expire), the key's entry of that
 * moment is removed if it, too, is that far past its expiry.
 *
 * <p>Why not Caffeine's own variable expiry: it puts every read through Caffeine's read buffer and
 * its maintenance, which made reads of never-expiring caches an order of magnitude slower (see
 * docs/performance.md). Here only writes of entries that can expire pay: one skip-list insert.
 * Entries rewritten or removed before their time leave a stale record behind, which is dropped when
 * its time comes because the entry then under the key is not due (or there is none).
 *
 * <p>One daemon thread per backend, started on the first entry that can expire, checks every {@link
 * #PERIOD_MILLIS}. Thread-safe.
 */
final class Reaper {

  static final long PERIOD_MILLIS = 100;

  /** One entry to look at when its time comes. */
  private record Due(
      long reclaimAt, long sequence, Supplier<Cache<Object, StoredEntry>> owner, Object key)
      implements Comparable<Due> {

    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(reclaimAt, other.reclaimAt);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final Clock clock;
  private final long delayMillis;
  private final ConcurrentSkipListSet<Due> due = new ConcurrentSkipListSet<>();
  private final AtomicLong sequence = new AtomicLong();
  private ScheduledExecutorService timer;
  private boolean closed;

  Reaper(Clock clock, long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("the reclaim delay must be >= 0 ms: " + delayMillis);
    }
    this.clock = clock;
    this.delayMillis = delayMillis;
  }

  /** Notes a stored entry; entries that never expire cost nothing. */
  void track(Supplier<Cache<Object, StoredEntry>> owner, Object key, StoredEntry entry) {
    long expiresAt = entry.expiresAt();
    if (expiresAt > StoredEntry.ETERNAL - delayMillis) {
      return;
    }
    due.add(new Due(expiresAt + delayMillis, sequence.incrementAndGet(), owner, key));
    startTimer();
  }

  private synchronized void startTimer() {
    if (timer != null || closed) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "larder-memory-reaper");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::reapDue, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Removes every entry whose time has come and that was not written since. */
  void reapDue() {
    long now = clock.millis();
    Due next;
    while ((next = due.pollFirst()) != null) {
      if (next.reclaimAt() > now) {
        due.add(next); // not yet: put it back (records are unique, so none is lost)
        return;
      }
      reap(next, now);
    }
  }

  /** The record is only a hint: the entry goes if it is, now, past its time. */
  private void reap(Due due, long now) {
    Cache<Object, StoredEntry> cache = due.owner().get();
    if (cache != null) {
      cache
          .asMap()
          .computeIfPresent(
              due.key(), (k, entry) -> entry.expiresAt() <= now - delayMillis ? null : entry);
    }
  }

  synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    due.clear();
  }
}

package dev.larder.jcache.management;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * A cache's counters. Recording is skipped entirely while statistics are disabled, so a cache
 * without statistics pays one volatile read per operation. Thread-safe.
 */
public final class CacheStatistics implements CacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();
  private volatile boolean enabled;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** A start time for {@link #recordGetTime} and friends, or 0 when disabled. */
  public long start() {
    return enabled ? System.nanoTime() : 0;
  }

  public void recordHits(long count) {
    if (enabled) {
      hits.add(count);
    }
  }

  public void recordMisses(long count) {
    if (enabled) {
      misses.add(count);
    }
  }

  public void recordPuts(long count) {
    if (enabled) {
      puts.add(count);
    }
  }

  public void recordRemovals(long count) {
    if (enabled) {
      removals.add(count);
    }
  }

  public void recordEvictions(long count) {
    if (enabled) {
      evictions.add(count);
    }
  }

  public void recordGetTime(long start) {
    if (enabled && start != 0) {
      getNanos.add(System.nanoTime() - start);
    }
  }

  public void recordPutTime(long start) {
    if (enabled && start != 0) {
      putNanos.add(System.nanoTime() - start);
    }
  }

  public void recordRemoveTime(long start) {
    if (enabled && start != 0) {
      removeNanos.add(System.nanoTime() - start);
    }
  }

  @Override
  public void clear() {
    for (LongAdder adder :
        new LongAdder[] {
          hits, misses, puts, removals, evictions, getNanos, putNanos, removeNanos
        }) {
      adder.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long requests = getCacheGets();
    return requests == 0 ? 0 : getCacheHits() * 100f / requests;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long requests = getCacheGets();
    return requests == 0 ? 0 : getCacheMisses() * 100f / requests;
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return average(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return average(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return average(removeNanos.sum(), getCacheRemovals());
  }

  /** Microseconds, as the MXBean's contract says. */
  private static float average(long totalNanos, long count) {
    return count == 0 ? 0 : (totalNanos / 1000f) / count;
  }
}

package dev.larder.benchmarks.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.larder.benchmarks.Cursor;
import dev.larder.benchmarks.Keys;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A diagnostic, not part of {@code RunAll}: the cost of a Caffeine get hit under the settings
 * Larder's memory store builds its caches with (a variable {@link Expiry}, a ticker from the
 * backend's clock, the system scheduler), one at a time, on eternal entries. {@code plain} is what
 * a cache without expiry needs. See docs/performance.md for what it showed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CaffeineConfigBenchmark {

  static final int SIZE = 1 << 14;

  /**
   * {@code plain}: no expiry; {@code expireAfter}: a variable expiry that never expires anything;
   * {@code larder}: that plus a clock ticker and the system scheduler, as the memory store has it;
   * {@code larderSameThread}: Larder's settings with maintenance run on the calling thread.
   */
  @Param({"plain", "expireAfter", "larder", "larderSameThread"})
  public String settings;

  private String[] keys;
  private Cache<Object, Object> cache;

  @Setup(Level.Trial)
  public void open() {
    keys = Keys.of("key-", SIZE);
    Clock clock = Clock.systemUTC();
    long origin = clock.millis();
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis() - origin);
    Caffeine<Object, Object> builder = Caffeine.newBuilder();
    if (!settings.equals("plain")) {
      builder.expireAfter(new Eternal());
    }
    if (settings.startsWith("larder")) {
      builder.ticker(ticker).scheduler(Scheduler.systemScheduler());
    }
    if (settings.equals("larderSameThread")) {
      builder.executor(Runnable::run);
    }
    cache = builder.build();
    for (int i = 0; i < SIZE; i++) {
      cache.put(keys[i], Keys.VALUE);
    }
  }

  @Benchmark
  public Object getHit(Cursor cursor) {
    return cache.getIfPresent(keys[cursor.next(SIZE)]);
  }

  /** Never expires an entry, and leaves the expiry alone on reads, like the memory store's. */
  static final class Eternal implements Expiry<Object, Object> {

    @Override
    public long expireAfterCreate(Object key, Object value, long currentTime) {
      return Long.MAX_VALUE;
    }

    @Override
    public long expireAfterUpdate(
        Object key, Object value, long currentTime, long currentDuration) {
      return Long.MAX_VALUE;
    }

    @Override
    public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}

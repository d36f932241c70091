package dev.larder.benchmarks.memory;

import dev.larder.benchmarks.Cursor;
import dev.larder.benchmarks.Keys;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-memory caches through the JCache API: Larder's memory store, Caffeine's JCache adapter and
 * Ehcache 3's JCache, each reached by its provider's class name (several providers share the
 * classpath, so {@code Caching.getCachingProvider()} without a name would fail). Every cache is
 * store-by-reference, statistics and management off, no expiry, no size bound: the configuration
 * where each provider does the least beyond its map.
 *
 * <p>Threads are set by the runner (1 and 2); keys are a power-of-two array walked from a random
 * start per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryBenchmark {

  static final int SIZE = 1 << 14;

  /** Which cache: Larder, or the peer it is compared with. */
  @Param({"larder", "caffeine", "ehcache"})
  public String provider;

  private String[] keys;
  private String[] absent;
  private String[] values;
  private CachingProvider caching;
  private CacheManager manager;
  private Cache<String, String> cache;

  @Setup(Level.Trial)
  public void open() {
    keys = Keys.of("key-", SIZE);
    absent = Keys.of("absent-", SIZE);
    values = Keys.values(SIZE);
    caching = Caching.getCachingProvider(providerClass(provider));
    ClassLoader loader = MemoryBenchmark.class.getClassLoader();
    URI uri = provider.equals("larder") ? URI.create("memory:default") : caching.getDefaultURI();
    manager = caching.getCacheManager(uri, loader);
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setStoreByValue(false)
            .setStatisticsEnabled(false)
            .setManagementEnabled(false);
    cache = manager.createCache("memory-bench", configuration);
    for (int i = 0; i < SIZE; i++) {
      cache.put(keys[i], values[i]);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    manager.destroyCache("memory-bench");
    manager.close();
    caching.close();
  }

  static String providerClass(String provider) {
    return switch (provider) {
      case "larder" -> "dev.larder.jcache.LarderCachingProvider";
      case "caffeine" -> "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
      case "ehcache" -> "org.ehcache.jsr107.EhcacheCachingProvider";
      default -> throw new IllegalArgumentException("unknown provider " + provider);
    };
  }

  @Benchmark
  public String getHit(Cursor cursor) {
    return cache.get(keys[cursor.next(SIZE)]);
  }

  @Benchmark
  public String getMiss(Cursor cursor) {
    return cache.get(absent[cursor.next(SIZE)]);
  }

  @Benchmark
  public void put(Cursor cursor) {
    int i = cursor.next(SIZE);
    cache.put(keys[i], values[i]);
  }

  /** 90% get hits, 10% puts of existing keys. */
  @Benchmark
  public Object mix90(Cursor cursor) {
    int tick = cursor.tick();
    int i = tick & (SIZE - 1);
    if (tick % 10 == 0) {
      cache.put(keys[i], values[i]);
      return null;
    }
    return cache.get(keys[i]);
  }
}

package dev.larder.benchmarks.redis;

import dev.larder.benchmarks.Cursor;
import dev.larder.benchmarks.Keys;
import dev.larder.benchmarks.Servers;
import dev.larder.testkit.redis.RedisServer;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.jcache.configuration.RedissonConfiguration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * Redis through the JCache API against one real redis-server: Larder's Redis store, Redisson's
 * JCache, and raw Jedis commands (the floor: {@code GET}, {@code SET}, {@code MGET}, {@code MSET})
 * on a {@link RedisClient} speaking RESP2 like Larder's. Redisson uses its {@link StringCodec}, its
 * cheapest codec for String values, so the comparison is with Redisson at its best.
 *
 * <p>The server is the one {@code RunAll} started for the whole run ({@link Servers#REDIS}), or one
 * started for this fork when run alone. Threads are set by the runner (1 and 8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisBenchmark {

  static final int SIZE = 1 << 13;
  static final int BATCH = 100;

  /** Which client: Larder, or the peer it is compared with. */
  @Param({"larder", "redisson", "jedis"})
  public String client;

  private String[] keys;
  private String[] values;
  private List<Set<String>> keySets;
  private List<Map<String, String>> maps;
  private RedisServer ownServer;
  private CachingProvider caching;
  private CacheManager manager;
  private RedissonClient redisson;
  private RedisClient jedis;
  private Cache<String, String> cache;
  private String cacheName;

  @Setup(Level.Trial)
  public void open() {
    keys = Keys.of("key-", SIZE);
    values = Keys.values(SIZE);
    keySets = new java.util.ArrayList<>();
    maps = new java.util.ArrayList<>();
    for (int from = 0; from < SIZE; from += BATCH) {
      Set<String> set = new LinkedHashSet<>();
      Map<String, String> map = new HashMap<>();
      for (int i = from; i < Math.min(SIZE, from + BATCH); i++) {
        set.add(keys[i]);
        map.put(keys[i], values[i]);
      }
      if (set.size() == BATCH) {
        keySets.add(set);
        maps.add(map);
      }
    }
    URI uri = serverUri();
    cacheName = "redis-bench-" + client;
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setStatisticsEnabled(false)
            .setManagementEnabled(false);
    switch (client) {
      case "larder" -> {
        caching = Caching.getCachingProvider("dev.larder.jcache.LarderCachingProvider");
        manager = caching.getCacheManager(uri, RedisBenchmark.class.getClassLoader());
        cache = manager.createCache(cacheName, configuration);
      }
      case "redisson" -> {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress("redis://" + uri.getHost() + ":" + uri.getPort());
        redisson = Redisson.create(config);
        caching = Caching.getCachingProvider("org.redisson.jcache.JCachingProvider");
        manager = caching.getCacheManager();
        cache =
            manager.createCache(
                cacheName, RedissonConfiguration.fromInstance(redisson, configuration));
      }
      case "jedis" ->
          // RESP2, as Larder speaks it: Jedis 8 would otherwise negotiate RESP3 with a Redis 7,
          // and the floor must be the same command on the same wire protocol
          jedis =
              RedisClient.builder()
                  .hostAndPort(new HostAndPort(uri.getHost(), uri.getPort()))
                  .clientConfig(DefaultJedisClientConfig.builder().resp2().build())
                  .build();
      default -> throw new IllegalArgumentException("unknown client " + client);
    }
    for (Map<String, String> map : maps) {
      putAll(map);
    }
  }

  private URI serverUri() {
    String shared = System.getProperty(Servers.REDIS);
    if (shared != null) {
      return URI.create(shared);
    }
    ownServer = RedisServer.start();
    return ownServer.uri();
  }

  @TearDown(Level.Trial)
  public void close() {
    if (manager != null) {
      manager.destroyCache(cacheName);
      manager.close();
    }
    if (redisson != null) {
      redisson.shutdown();
    }
    if (jedis != null) {
      jedis.close();
    }
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Benchmark
  public String get(Cursor cursor) {
    String key = keys[cursor.next(SIZE)];
    return jedis != null ? jedis.get(key) : cache.get(key);
  }

  @Benchmark
  public void put(Cursor cursor) {
    int i = cursor.next(SIZE);
    if (jedis != null) {
      jedis.set(keys[i], values[i]);
    } else {
      cache.put(keys[i], values[i]);
    }
  }

  /** 100 keys, all present. */
  @Benchmark
  public Object getAll(Cursor cursor) {
    Set<String> batch = keySets.get(Math.floorMod(cursor.tick(), keySets.size()));
    return jedis != null ? jedis.mget(batch.toArray(new String[0])) : cache.getAll(batch);
  }

  /** 100 keys, overwriting present ones. */
  @Benchmark
  public void putAll(Cursor cursor) {
    putAll(maps.get(Math.floorMod(cursor.tick(), maps.size())));
  }

  private void putAll(Map<String, String> map) {
    if (jedis != null) {
      String[] keysAndValues = new String[map.size() * 2];
      int i = 0;
      for (Map.Entry<String, String> e : map.entrySet()) {
        keysAndValues[i++] = e.getKey();
        keysAndValues[i++] = e.getValue();
      }
      jedis.mset(keysAndValues);
    } else {
      cache.putAll(map);
    }
  }
}

package dev.larder.benchmarks.contended;

import dev.larder.benchmarks.Servers;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.redis.RedisServer;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
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

/**
 * Every thread on one key: {@code invoke} of an increment (Larder's compare-and-set with backoff;
 * Caffeine runs processors under its per-key lock; Redisson under its own lock) and {@code
 * putIfAbsent} of a key that is present (the losing side of a race, one conditional call). Larder
 * on memory, Redis and DynamoDB Local; Caffeine's JCache and Redisson's JCache beside it. Threads
 * are set by the runner (8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContendedBenchmark {

  /** Which cache: Larder on a backend, or the peer on the same kind of store. */
  @Param({"larder-memory", "caffeine", "larder-redis", "redisson", "larder-dynamodb"})
  public String client;

  private static final EntryProcessor<String, String, Integer> INCREMENT =
      (entry, args) -> {
        int next = entry.exists() ? Integer.parseInt(entry.getValue()) + 1 : 1;
        entry.setValue(Integer.toString(next));
        return next;
      };

  private RedisServer ownRedis;
  private DynamoDbLocal ownDynamo;
  private RedissonClient redisson;
  private CachingProvider caching;
  private CacheManager manager;
  private Cache<String, String> cache;
  private String cacheName;

  @Setup(Level.Trial)
  public void open() {
    cacheName = "contended-" + client + "-" + System.nanoTime();
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setStatisticsEnabled(false)
            .setManagementEnabled(false);
    switch (client) {
      case "larder-memory" -> larder(URI.create("memory:"), configuration);
      case "caffeine" -> {
        caching =
            Caching.getCachingProvider(
                "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
        manager = caching.getCacheManager();
        cache = manager.createCache(cacheName, configuration);
      }
      case "larder-redis" -> larder(redisUri(), configuration);
      case "redisson" -> {
        URI uri = redisUri();
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
      case "larder-dynamodb" -> {
        DynamoDbLocal.useTestCredentials();
        larder(
            URI.create(
                "dynamodb://larder-contended?endpoint="
                    + dynamoEndpoint()
                    + "&region="
                    + DynamoDbLocal.REGION
                    + "&createTable=true"),
            configuration);
      }
      default -> throw new IllegalArgumentException("unknown client " + client);
    }
    cache.put("present", "v");
  }

  private void larder(URI uri, MutableConfiguration<String, String> configuration) {
    caching = Caching.getCachingProvider("dev.larder.jcache.LarderCachingProvider");
    manager = caching.getCacheManager(uri, ContendedBenchmark.class.getClassLoader());
    cache = manager.createCache(cacheName, configuration);
  }

  private URI redisUri() {
    String shared = System.getProperty(Servers.REDIS);
    if (shared != null) {
      return URI.create(shared);
    }
    ownRedis = RedisServer.start();
    return ownRedis.uri();
  }

  private URI dynamoEndpoint() {
    String shared = System.getProperty(Servers.DYNAMODB);
    if (shared != null) {
      return URI.create(shared);
    }
    ownDynamo = DynamoDbLocal.server();
    return ownDynamo.endpoint();
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
    if (ownRedis != null) {
      ownRedis.close();
    }
    if (ownDynamo != null) {
      ownDynamo.close();
    }
  }

  @Benchmark
  public Integer invokeIncrement() {
    return cache.invoke("counter", INCREMENT);
  }

  @Benchmark
  public boolean putIfAbsentPresent() {
    return cache.putIfAbsent("present", "other");
  }
}

package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.spi.Partition;
import dev.larder.testkit.redis.RedisCluster;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import dev.larder.testkit.redis.RedisTlsServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server that goes away, bytes Larder did not write, and connection settings that are wrong. */
class FaultTest {

  private static final String PASSWORD = "s3cret-Pa55";

  @RegisterExtension
  static final RedisServerExtension<RedisServer> SECURED =
      RedisServerExtension.of(() -> RedisServer.builder().password(PASSWORD).start());

  @RegisterExtension
  static final RedisServerExtension<RedisTlsServer> TLS = RedisServerExtension.tls();

  private final LarderCachingProvider provider = new LarderCachingProvider();

  @AfterEach
  void close() {
    provider.close();
  }

  private Cache<String, String> cache(URI uri, Properties properties, String name) {
    properties.setProperty("larder.namespace", "faults-" + System.nanoTime());
    CacheManager manager = provider.getCacheManager(uri, getClass().getClassLoader(), properties);
    return manager.createCache(name, new MutableConfiguration<String, String>());
  }

  @Test
  void serverDown_failsWithTheEndpoint_neverThePassword_andRecoversWhenBack() {
    try (RedisServer server = RedisServer.builder().password(PASSWORD).start()) {
      URI uri = URI.create(server.uri() + "?timeout=500");
      Cache<String, String> cache = cache(uri, new Properties(), "orders");
      cache.put("k", "v");
      server.stop();
      CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
      assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
      assertTrue(e.getMessage().contains("'orders'"), e.getMessage());
      assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
      server.restart();
      // the restarted server kept nothing (no persistence), and serves again
      assertNull(cache.get("k"));
      cache.put("k", "again");
      assertEquals("again", cache.get("k"));
    }
  }

  @Test
  void foreignBytesUnderALarderKey_failWithCacheAndOperation() {
    Cache<String, String> cache = cache(SECURED.uri(), new Properties(), "foreign");
    cache.put("k", "v");
    String namespace = cache.getCacheManager().getProperties().getProperty("larder.namespace");
    byte[] redisKey =
        new KeyLayout(new Partition(Partition.GLOBAL, namespace, "foreign"))
            .key("Sk".getBytes(StandardCharsets.UTF_8));
    SECURED.get().callBinary("SET".getBytes(), redisKey, "not larder".getBytes());
    CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
    assertTrue(e.getMessage().contains("'foreign'"), e.getMessage());
    assertTrue(e.getMessage().contains("get"), e.getMessage());
    assertTrue(e.getMessage().contains("did not write"), e.getMessage());
  }

  @Test
  void cutShortEntry_failsInsteadOfMissing() {
    Cache<String, String> cache = cache(SECURED.uri(), new Properties(), "cut");
    cache.put("k", "a value long enough to cut");
    String namespace = cache.getCacheManager().getProperties().getProperty("larder.namespace");
    byte[] redisKey =
        new KeyLayout(new Partition(Partition.GLOBAL, namespace, "cut"))
            .key("Sk".getBytes(StandardCharsets.UTF_8));
    byte[] whole = (byte[]) SECURED.get().callBinary("GET".getBytes(), redisKey);
    SECURED.get().callBinary("SET".getBytes(), redisKey, Arrays.copyOf(whole, 40));
    CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
    assertTrue(e.getMessage().contains("'cut'"), e.getMessage());
    assertThrows(CacheException.class, () -> cache.replace("k", "a value long enough to cut", "x"));
    // an unconditional put replaces whatever was there, and the key serves again
    cache.put("k", "over it");
    assertEquals("over it", cache.get("k"));
  }

  @Test
  void wrongPassword_isACleanConnectError_withoutThePassword() {
    URI wrong = URI.create("redis://:not-the-" + PASSWORD + "@127.0.0.1:" + SECURED.get().port());
    CacheException e =
        assertThrows(
            CacheException.class,
            () -> provider.getCacheManager(wrong, getClass().getClassLoader(), new Properties()));
    assertTrue(e.getMessage().contains("rejected the credentials"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test
  void tlsToAPlainPort_isACleanConnectError() {
    URI tlsToPlain = URI.create("rediss://127.0.0.1:" + SECURED.get().port() + "?timeout=1000");
    CacheException e =
        assertThrows(
            CacheException.class,
            () ->
                provider.getCacheManager(
                    tlsToPlain, getClass().getClassLoader(), new Properties()));
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());
  }

  @Test
  void clusterUriOnASingleNode_isACleanConnectError() {
    URI clusterToSingle = URI.create("redis-cluster://127.0.0.1:" + SECURED.get().port());
    Properties properties = new Properties();
    properties.setProperty("larder.redis.password", PASSWORD);
    CacheException e =
        assertThrows(
            CacheException.class,
            () ->
                provider.getCacheManager(clusterToSingle, getClass().getClassLoader(), properties));
    assertTrue(e.getMessage().contains("not a Redis Cluster node"), e.getMessage());
  }

  @Test
  void singleUriOnAClusterNode_isACleanConnectError() {
    try (RedisCluster cluster = RedisCluster.start()) {
      URI single = URI.create("redis://127.0.0.1:" + cluster.nodes().get(0).port());
      CacheException e =
          assertThrows(
              CacheException.class,
              () ->
                  provider.getCacheManager(single, getClass().getClassLoader(), new Properties()));
      assertTrue(e.getMessage().contains("redis-cluster://"), e.getMessage());
    }
  }

  @Test
  void tls_withTheServersTrustStore_roundTrips() {
    Properties properties = new Properties();
    properties.setProperty("larder.redis.truststore", TLS.get().trustStore().toString());
    properties.setProperty("larder.redis.truststore.password", TLS.get().trustStorePassword());
    Cache<String, String> cache = cache(TLS.uri(), properties, "tls");
    cache.put("k", "over tls");
    assertEquals("over tls", cache.get("k"));
  }

  @Test
  void managerToString_andDescription_neverShowThePassword() {
    CacheManager manager =
        provider.getCacheManager(SECURED.uri(), getClass().getClassLoader(), new Properties());
    assertFalse(manager.toString().contains(PASSWORD), manager.toString());
  }
}

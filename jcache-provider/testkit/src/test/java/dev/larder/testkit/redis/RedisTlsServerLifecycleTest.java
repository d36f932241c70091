package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Each test owns its TLS server. */
class RedisTlsServerLifecycleTest {

  @Test
  void restart_servesTlsAgainOnTheSamePort() throws Exception {
    try (RedisTlsServer server = RedisTlsServer.start()) {
      int port = server.port();

      server.restart();

      assertEquals(port, server.port());
      assertEquals(
          "+PONG", RedisTlsServerTest.pingOverTls(server.sslContext(), server.host(), port));
    }
  }

  @Test
  void user_overTls_jedisLogsIn() {
    try (RedisTlsServer server = RedisTlsServer.builder().user("larder", "pw").start()) {
      DefaultJedisClientConfig config =
          DefaultJedisClientConfig.builder()
              .ssl(true)
              .sslSocketFactory(server.sslSocketFactory())
              .user("larder")
              .password("pw")
              .build();
      try (RedisClient client =
          RedisClient.builder()
              .hostAndPort(server.host(), server.port())
              .clientConfig(config)
              .build()) {
        assertEquals("PONG", client.ping());
      }
      assertTrue(server.uri().toString().startsWith("rediss://larder:pw@127.0.0.1:"));
    }
  }

  @Test
  void embeddedBinary_servesTls() throws Exception {
    try (RedisTlsServer server = RedisTlsServer.builder().binary(RedisBinary.embedded()).start()) {

      assertEquals(
          "+PONG",
          RedisTlsServerTest.pingOverTls(server.sslContext(), server.host(), server.port()));
    }
  }

  @Test
  void start_withABinaryWithoutTls_failsNamingTheBinary(@TempDir Path dir) throws Exception {
    RedisBinary withoutTls = RedisBinary.at(FakeBinaries.withoutTls(dir));

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class, () -> RedisTlsServer.builder().binary(withoutTls).start());

    assertTrue(error.getMessage().contains("has no TLS support"), error.getMessage());
    assertTrue(error.getMessage().contains(withoutTls.path().toString()), error.getMessage());
  }
}

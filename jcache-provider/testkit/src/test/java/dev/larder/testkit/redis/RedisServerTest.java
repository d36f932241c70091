package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** One shared server: what a running node offers. */
class RedisServerTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> redis = RedisServerExtension.single();

  @Test
  void start_answersPingOnAFreeLoopbackPort() {
    RedisServer server = redis.get();

    assertEquals("PONG", server.call("PING"));
    assertEquals("127.0.0.1", server.host());
    assertNotEquals(6379, server.port());
    assertTrue(server.isRunning());
    assertEquals(URI.create("redis://127.0.0.1:" + server.port()), server.uri());
    assertEquals(server.uri(), redis.uri());
  }

  @Test
  void start_turnsPersistenceOff() {
    assertEquals(List.of("save", ""), redis.get().call("CONFIG", "GET", "save"));
    assertEquals(List.of("appendonly", "no"), redis.get().call("CONFIG", "GET", "appendonly"));
  }

  @Test
  void start_writesItsLogInItsOwnDirectory() {
    RedisServer server = redis.get();

    assertTrue(Files.isDirectory(server.directory()));
    assertTrue(server.logFile().startsWith(server.directory()));
    assertEquals(
        List.of("dir", server.directory().toString()), server.call("CONFIG", "GET", "dir"));
  }

  @Test
  void uri_isUnderstoodByJedis() {
    try (RedisClient client = RedisClient.create(redis.uri())) {
      client.set("uri_isUnderstoodByJedis", "yes");
    }

    assertEquals("yes", redis.get().call("GET", "uri_isUnderstoodByJedis"));
  }

  @Test
  void commandStats_countsWhatTheServerExecutedSinceReset() {
    RedisServer server = redis.get();
    server.resetCommandStats();

    server.call("SET", "stats:a", "1");
    server.call("SET", "stats:b", "2");
    server.call("GET", "stats:a");
    Map<String, Long> stats = server.commandStats();

    assertEquals(2L, stats.get("set"));
    assertEquals(1L, stats.get("get"));
    assertNull(stats.get("del"));
    assertNull(stats.get("info"), "the INFO that reads the statistics is not in them");
  }

  @Test
  void commandStats_seesCommandsSentByAClient() {
    RedisServer server = redis.get();
    server.resetCommandStats();

    try (RedisClient client = RedisClient.create(server.uri())) {
      client.set("client:key", "v");
      client.get("client:key");
      client.get("client:key");
    }
    Map<String, Long> stats = server.commandStats();

    assertEquals(1L, stats.get("set"));
    assertEquals(2L, stats.get("get"));
  }

  @Test
  void flushAll_deletesEveryKey() {
    RedisServer server = redis.get();
    server.call("SET", "flush:a", "1");

    server.flushAll();

    assertEquals(0L, server.call("DBSIZE"));
  }

  @Test
  void callBinary_keepsBytesThatAreNotUtf8() {
    byte[] key = {'b', 'i', 'n', 0};
    byte[] value = {(byte) 0xff, (byte) 0xfe, 0, 1, '\r', '\n'};

    redis.get().callBinary("SET".getBytes(), key, value);

    assertArrayEquals(value, (byte[]) redis.get().callBinary("GET".getBytes(), key));
  }

  @Test
  void call_whenServerAnswersWithAnError_throwsItsLine() {
    redis.get().call("SET", "error:string", "x");

    RedisCommandException error =
        assertThrows(
            RedisCommandException.class, () -> redis.get().call("LPUSH", "error:string", "y"));

    assertEquals("WRONGTYPE", error.errorCode());
    assertTrue(error.getMessage().startsWith("WRONGTYPE "), error.getMessage());
  }

  @Test
  void call_returnsIntegersArraysAndNil() {
    RedisServer server = redis.get();

    assertEquals(1L, server.call("RPUSH", "reply:list", "a"));
    assertEquals(List.of("a"), server.call("LRANGE", "reply:list", "0", "-1"));
    assertNull(server.call("GET", "reply:absent"));
  }
}

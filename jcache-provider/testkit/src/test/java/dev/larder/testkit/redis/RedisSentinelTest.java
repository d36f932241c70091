package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisSentinelClient;

/** One shared master and sentinel: what a sentinel deployment offers. */
class RedisSentinelTest {

  @RegisterExtension
  static final RedisServerExtension<RedisSentinel> sentinel = RedisServerExtension.sentinel();

  @Test
  void start_sentinelReportsTheMaster() {
    RedisSentinel deployment = sentinel.get();

    assertTrue(deployment.isRunning());
    assertTrue(deployment.master().isRunning());
    assertNotEquals(deployment.master().port(), deployment.sentinelPort());
    assertNotEquals(26379, deployment.sentinelPort());
    assertEquals(
        List.of("127.0.0.1", Integer.toString(deployment.master().port())),
        deployment.callSentinel("SENTINEL", "get-master-addr-by-name", "mymaster"));
    String info = (String) deployment.callSentinel("INFO", "server");
    assertTrue(info.contains("redis_mode:sentinel"), info);
  }

  @Test
  void uri_namesTheSentinelAndTheMaster() {
    RedisSentinel deployment = sentinel.get();

    assertEquals(
        URI.create("redis-sentinel://127.0.0.1:" + deployment.sentinelPort() + "/mymaster"),
        deployment.uri());
    assertEquals(deployment.uri(), sentinel.uri());
    assertEquals("mymaster", deployment.masterName());
  }

  @Test
  void jedisSentinelClient_writesToTheMaster() {
    RedisSentinel deployment = sentinel.get();
    deployment.resetCommandStats();

    try (RedisSentinelClient client =
        RedisSentinelClient.builder()
            .masterName(deployment.masterName())
            .sentinels(Set.of(new HostAndPort("127.0.0.1", deployment.sentinelPort())))
            .build()) {
      client.set("through-sentinel", "yes");
    }

    assertEquals("yes", deployment.master().call("GET", "through-sentinel"));
    assertEquals(1L, deployment.commandStats().get("set"));
    deployment.flushAll();
    assertEquals(0L, deployment.master().call("DBSIZE"));
  }

  @Test
  void embeddedBinary_runsAsASentinelToo() {
    try (RedisSentinel deployment =
        RedisSentinel.builder().binary(RedisBinary.embedded()).start()) {

      assertTrue(deployment.master().binary().version().startsWith("6.2."));
      assertEquals(
          List.of("127.0.0.1", Integer.toString(deployment.master().port())),
          deployment.callSentinel("SENTINEL", "get-master-addr-by-name", "mymaster"));
    }
  }

  @Test
  void close_stopsBothProcessesAndDeletesTheirFiles() {
    RedisSentinel deployment = RedisSentinel.start();
    Path sentinelDirectory = deployment.directory();
    Path masterDirectory = deployment.master().directory();
    assertTrue(Files.exists(sentinelDirectory.resolve("sentinel.conf")));

    deployment.close();
    deployment.close();

    assertFalse(deployment.isRunning());
    assertFalse(deployment.master().isRunning());
    assertFalse(Files.exists(sentinelDirectory));
    assertFalse(Files.exists(masterDirectory));
    assertThrows(IllegalStateException.class, () -> deployment.callSentinel("PING"));
  }
}

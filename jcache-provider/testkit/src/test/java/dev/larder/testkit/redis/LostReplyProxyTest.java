package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy in front of a real server: what passes, what is lost, and what is left after. */
class LostReplyProxyTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> redis = RedisServerExtension.single();

  private LostReplyProxy proxy;

  @BeforeEach
  void open() {
    redis.get().flushAll();
    proxy = LostReplyProxy.inFrontOf(redis.get());
  }

  @AfterEach
  void close() {
    proxy.close();
  }

  private RespConnection connect() throws IOException {
    return RespConnection.open(proxy.address(), null);
  }

  @Test
  void unarmed_forwardsRequestsAndRepliesBothWays_evenOverManyReads() throws IOException {
    byte[] big = new byte[1 << 20];
    Arrays.fill(big, (byte) 'x');
    big[big.length - 1] = '\n';

    try (RespConnection connection = connect()) {
      assertEquals("PONG", connection.call("PING"));
      assertEquals("OK", connection.call("SET", "big", big));
      assertArrayEquals(big, (byte[]) connection.call("GET", "big"));
    }
    assertEquals(0, proxy.lostReplies());
    assertNotEquals(redis.get().port(), proxy.port());
  }

  @Test
  void loseNextReply_theServerApplies_theClientSeesItsConnectionClosed() throws IOException {
    proxy.loseNextReply();

    try (RespConnection connection = connect()) {
      assertThrows(IOException.class, () -> connection.call("INCR", "counter"));
    }

    assertEquals("1", redis.get().call("GET", "counter"), "the server ran the INCR");
    assertEquals(1, proxy.lostReplies());
    assertFalse(proxy.isArmed(), "armed once");
    try (RespConnection again = connect()) {
      assertEquals(2L, again.call("INCR", "counter"), "the next connection hears its reply");
    }
  }

  @Test
  void loseNextReplyTo_passesOtherCommands_andLosesTheNamedOne() throws IOException {
    proxy.loseNextReplyTo("incr");

    try (RespConnection connection = connect()) {
      assertEquals("OK", connection.call("SET", "n", "41"));
      assertEquals("41", RespConnection.decodeBulkStrings(connection.call("GET", "n")));
      assertTrue(proxy.isArmed());
      assertThrows(IOException.class, () -> connection.call("INCR", "n"));
    }

    assertEquals("42", redis.get().call("GET", "n"));
    assertEquals(1, proxy.lostReplies());
  }

  @Test
  void disarm_losesNothing() throws IOException {
    proxy.loseNextReplyTo("SET");
    proxy.disarm();

    try (RespConnection connection = connect()) {
      assertEquals("OK", connection.call("SET", "k", "v"));
    }
    assertEquals(0, proxy.lostReplies());
  }

  @Test
  void connectionsPastTheBound_areClosedAtOnce() throws IOException {
    try (LostReplyProxy small = LostReplyProxy.start(redis.get().address(), 1);
        RespConnection first = RespConnection.open(small.address(), null);
        RespConnection second = RespConnection.open(small.address(), null)) {
      assertEquals("PONG", first.call("PING"));
      assertThrows(IOException.class, () -> second.call("PING"));
      assertEquals(1, small.openConnections());
    }
  }

  @Test
  void close_closesOpenConnections_andEndsItsThreads() throws IOException {
    RespConnection connection = connect();
    assertEquals("PONG", connection.call("PING"));
    assertEquals(1, proxy.openConnections());

    proxy.close();

    try (connection) {
      assertThrows(IOException.class, () -> connection.call("PING"));
    }
    assertEquals(0, proxy.openConnections());
    assertNull(
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .filter(t -> t.getName().startsWith("lost-reply-proxy-" + proxy.port() + "-"))
            .findAny()
            .orElse(null),
        "no thread of the proxy is left");
    proxy.close(); // idempotent
  }

  @Test
  void commandName_readsTheFirstRespArgument_orNothing() {
    byte[] set = "*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nv\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals("SET", LostReplyProxy.commandName(set, set.length));
    assertNull(LostReplyProxy.commandName(set, 9), "cut inside the name");
    byte[] inline = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    assertNull(LostReplyProxy.commandName(inline, inline.length));
  }
}

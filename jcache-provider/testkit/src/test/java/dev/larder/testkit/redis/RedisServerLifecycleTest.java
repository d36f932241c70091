package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** Each test owns its server: stopping, restarting, pausing, authentication, binaries. */
class RedisServerLifecycleTest {

  @Test
  void stop_refusesConnections_restart_servesAgainOnTheSamePortWithoutData() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      int port = server.port();
      server.call("SET", "k", "v");

      server.stop();

      assertFalse(server.isRunning());
      assertThrows(ConnectException.class, () -> new Socket(server.host(), port).close());
      assertThrows(IllegalStateException.class, () -> server.call("PING"));

      server.restart();

      assertTrue(server.isRunning());
      assertEquals(port, server.port());
      assertEquals("PONG", server.call("PING"));
      assertNull(server.call("GET", "k"));
    }
  }

  @Test
  void restart_whileRunning_replacesTheProcess() {
    try (RedisServer server = RedisServer.start()) {
      String before = runId(server);

      server.restart();

      assertEquals("PONG", server.call("PING"));
      assertFalse(before.equals(runId(server)), "a new process has a new run_id");
    }
  }

  @Test
  void stop_isIdempotent_andCloseDeletesTheDirectory() {
    RedisServer server = RedisServer.start();
    Path directory = server.directory();

    server.stop();
    server.stop();
    server.close();
    server.close();

    assertFalse(Files.exists(directory));
    assertThrows(IllegalStateException.class, server::restart);
  }

  @Test
  void pause_leavesRequestsUnanswered_resume_answersThem() throws Exception {
    try (RedisServer server = RedisServer.start();
        Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(300);
      InputStream in = socket.getInputStream();

      server.pause();
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThrows(SocketTimeoutException.class, in::read);

      server.resume();
      socket.setSoTimeout(5000);

      assertEquals("+PONG", readLine(in));
    }
  }

  @Test
  void stop_whilePaused_stopsTheProcess() {
    try (RedisServer server = RedisServer.start()) {
      server.pause();

      server.stop();

      assertFalse(server.isRunning());
    }
  }

  @Test
  void password_isRequired_andTheUriCarriesIt() throws Exception {
    String password = "s3cret: p@ss/w%rd \"quoted\"";
    try (RedisServer server = RedisServer.builder().password(password).start()) {

      assertEquals("NOAUTH", unauthenticatedPingReply(server).split(" ")[0].substring(1));
      assertEquals(password, server.password().orElseThrow());
      assertTrue(
          server.uri().toString().startsWith("redis://:s3cret%3A%20p%40ss"),
          server.uri().toString());
      try (RedisClient client = RedisClient.create(server.uri())) {
        assertEquals("PONG", client.ping());
      }
      assertEquals("PONG", server.call("PING"));
    }
  }

  @Test
  void user_disablesTheDefaultUser_andTheUriCarriesTheUser() throws Exception {
    try (RedisServer server = RedisServer.builder().user("larder", "pw").start()) {

      assertEquals(URI.create("redis://larder:pw@127.0.0.1:" + server.port()), server.uri());
      assertTrue(unauthenticatedPingReply(server).startsWith("-NOAUTH"));
      try (RedisClient client = RedisClient.create(server.uri())) {
        assertEquals("PONG", client.ping());
        client.set("acl", "ok");
      }
      assertEquals("ok", server.call("GET", "acl"));
    }
  }

  @Test
  void embeddedBinary_startsAndServes() {
    try (RedisServer server = RedisServer.builder().binary(RedisBinary.embedded()).start()) {

      assertTrue(((String) server.call("INFO", "server")).contains("redis_version:6.2."));
      assertEquals("PONG", server.call("PING"));
      assertTrue(server.toString().contains("embedded-redis"), server.toString());
    }
  }

  @Test
  void start_whenTheBinaryExitsAtOnce_throwsWithItsLog(@TempDir Path dir) throws Exception {
    Path broken =
        FakeBinaries.script(
            dir,
            "if [ \"$1\" = --version ]; then echo 'Redis server v=7.0.0'; exit 0; fi\n"
                + "echo 'no memory for you'; exit 1");

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> RedisServer.builder().binary(RedisBinary.at(broken)).start());

    assertTrue(error.getMessage().contains("no memory for you"), error.getMessage());
    assertTrue(error.getMessage().contains(broken.toString()), error.getMessage());
  }

  private static String runId(RedisServer server) {
    String info = (String) server.call("INFO", "server");
    int start = info.indexOf("run_id:");
    return info.substring(start, info.indexOf('\r', start));
  }

  private static String unauthenticatedPingReply(RedisServer server) throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return readLine(socket.getInputStream());
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }
}

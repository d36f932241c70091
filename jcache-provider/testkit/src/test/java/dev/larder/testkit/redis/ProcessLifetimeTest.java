package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Servers must never outlive the JVM that started them: checked with a child JVM that starts a
 * server and then exits without closing it, or is killed outright.
 */
class ProcessLifetimeTest {

  @Test
  void jvmExitWithoutClose_shutdownHookStopsTheServer() throws Exception {
    Process child = startChildJvm();
    int port = readServer(child).port;

    child.getOutputStream().write('\n'); // tells the child to exit
    child.getOutputStream().flush();

    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue());

    assertRefusedWithin(port, 10);
  }

  @Test
  void jvmKilled_watchdogStopsTheServer() throws Exception {
    Process child = startChildJvm();
    ChildServer server = readServer(child);

    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    assertRefusedWithin(server.port, 10);
    deleteTree(server.directory); // only close() deletes it, and the killed JVM never called it
  }

  private static Process startChildJvm() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ServerInChildJvm.class.getName()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private record ChildServer(int port, Path directory) {}

  private static ChildServer readServer(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      child.destroyForcibly();
      throw new AssertionError("the child JVM printed " + line);
    }
    String[] words = line.split(" ", 4);
    ChildServer server = new ChildServer(Integer.parseInt(words[1]), Path.of(words[3]));
    try (Socket socket = new Socket(RedisNode.HOST, server.port)) {
      assertTrue(socket.isConnected(), "the child's server is up");
    }
    return server;
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void assertRefusedWithin(int port, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket(RedisNode.HOST, port)) {
        Thread.sleep(50);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("redis-server on port " + port + " outlived its JVM");
  }

  /** The child JVM: starts a server, prints where, and exits at the first line on stdin. */
  public static final class ServerInChildJvm {

    private ServerInChildJvm() {}

    public static void main(String[] args) throws Exception {
      RedisServer server = RedisServer.start();
      System.out.println("port " + server.port() + " directory " + server.directory());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      System.exit(0);
    }
  }
}

package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

  @Test
  void locate_findsAnExecutableThatReportsItsVersion() {
    RedisBinary binary = RedisBinary.locate();

    assertTrue(Files.isExecutable(binary.path()), binary.toString());
    assertTrue(binary.version().matches("\\d+\\.\\d+\\.\\d+"), binary.version());
    assertTrue(binary.isAtLeast(6, 2), binary.toString());
  }

  @Test
  void locate_withoutEnvironmentVariable_prefersPath() {
    String fromEnv = System.getenv(RedisBinary.ENV_VARIABLE);
    if (fromEnv == null || fromEnv.isBlank()) {
      RedisBinary binary = RedisBinary.locate();
      assertTrue(
          binary.origin().equals("PATH") || binary.origin().startsWith("embedded-redis"),
          binary.toString());
    }
  }

  @Test
  void locate_prefersTheEnvironmentVariableOverPath() throws Exception {
    Path embedded = RedisBinary.embedded().path();

    String located = locateInChildJvm(embedded.toString());

    assertEquals(
        "redis-server "
            + RedisBinary.embedded().version()
            + " at "
            + embedded
            + " (from $REDIS_SERVER)",
        located);
  }

  @Test
  void locate_whenTheEnvironmentVariableNamesNoFile_failsNamingIt(@TempDir Path dir)
      throws Exception {
    Path missing = dir.resolve("no-such-redis-server");

    String located = locateInChildJvm(missing.toString());

    assertTrue(located.startsWith("error: "), located);
    assertTrue(located.contains(missing.toString()), located);
    assertTrue(located.contains("$REDIS_SERVER"), located);
  }

  @Test
  void embedded_extractsARunnableRedis62OnceForTheJvm() {
    RedisBinary embedded = RedisBinary.embedded();

    assertTrue(embedded.version().startsWith("6.2."), embedded.toString());
    assertTrue(embedded.origin().startsWith("embedded-redis"), embedded.origin());
    assertSame(embedded, RedisBinary.embedded());
  }

  @Test
  void isAtLeast_comparesMajorThenMinor() {
    RedisBinary embedded = RedisBinary.embedded(); // 6.2.x

    assertTrue(embedded.isAtLeast(6, 0));
    assertTrue(embedded.isAtLeast(6, 2));
    assertTrue(embedded.isAtLeast(5, 9));
    assertEquals(false, embedded.isAtLeast(6, 3));
    assertEquals(false, embedded.isAtLeast(7, 0));
  }

  @Test
  void at_whenFileIsNotExecutable_throwsNamingThePath(@TempDir Path dir) throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("redis-server"), "not a program");

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> RedisBinary.at(notExecutable));

    assertTrue(error.getMessage().contains(notExecutable.toString()), error.getMessage());
  }

  @Test
  void at_whenVersionIsUnreadable_throwsWithTheOutput(@TempDir Path dir) throws Exception {
    Path fake = FakeBinaries.script(dir, "echo 'hello from a fake'");

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> RedisBinary.at(fake));

    assertTrue(error.getMessage().contains("hello from a fake"), error.getMessage());
  }

  /** Runs {@link RedisBinary#locate()} in a JVM whose {@code $REDIS_SERVER} is {@code value}. */
  private static String locateInChildJvm(String value) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LocateInChildJvm.class.getName())
            .redirectErrorStream(true);
    builder.environment().put(RedisBinary.ENV_VARIABLE, value);
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    return output.strip();
  }

  /** Prints what {@link RedisBinary#locate()} finds, or why it fails. */
  public static final class LocateInChildJvm {

    private LocateInChildJvm() {}

    public static void main(String[] args) {
      try {
        System.out.println(RedisBinary.locate());
      } catch (RuntimeException e) {
        System.out.println("error: " + e.getMessage());
      }
    }
  }
}

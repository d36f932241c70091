package dev.larder.testkit.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code redis-server} process, started through {@code /bin/sh} with a watchdog: a
 * background shell reads the process's stdin, which only this JVM holds open, and kills the server
 * when it reaches end-of-file. So the server dies with the JVM even on {@code kill -9}, when no
 * shutdown hook runs. The shell then {@code exec}s the server, so {@link Process#pid()} is the
 * server's own pid.
 *
 * <p>Not thread-safe; {@link RedisNode} guards it.
 */
final class RedisProcess {

  /**
   * {@code $0} is the binary and {@code $@} its arguments; fd 3 carries the pipe to the watchdog.
   */
  private static final String WATCHDOG =
      "exec 3<&0 </dev/null; (read _ <&3; kill -9 $$ 2>/dev/null) & exec 3<&-; exec \"$0\" \"$@\"";

  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Process process;
  private final Path log;
  private final long logStart;

  private RedisProcess(Process process, Path log, long logStart) {
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  /**
   * Starts {@code binary configFile arguments...} (such as {@code --sentinel}), appending its
   * output to {@code log}.
   */
  static RedisProcess launch(RedisBinary binary, Path configFile, Path log, String... arguments)
      throws IOException {
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    List<String> command = new ArrayList<>();
    command.addAll(List.of("/bin/sh", "-c", WATCHDOG, binary.path().toString()));
    command.add(configFile.toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .directory(configFile.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new RedisProcess(process, log, logStart);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Sends a signal such as {@code STOP} or {@code CONT} to the server. */
  void signal(String name) {
    ExternalCommand.run(List.of("kill", "-" + name, Long.toString(process.pid())), null);
  }

  /** Kills the server ({@code SIGKILL}: no persistence to flush) and waits until it has exited. */
  void kill() {
    try {
      // Closing stdin first makes the watchdog kill the server while its pid is surely still ours.
      process.getOutputStream().close();
    } catch (IOException e) {
      // the watchdog is gone already; the direct kill below still works
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "redis-server pid "
                + process.pid()
                + " did not exit within "
                + STOP_TIMEOUT_SECONDS
                + " s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping redis-server", e);
    }
  }

  /** The last {@code lines} lines this process wrote to its log, for error messages. */
  String logTail(int lines) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      int from = (int) Math.min(logStart, bytes.length);
      List<String> all =
          new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).lines().toList();
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}

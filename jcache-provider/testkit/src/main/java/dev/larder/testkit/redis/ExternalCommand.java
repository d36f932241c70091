package dev.larder.testkit.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived helper programs ({@code redis-server --version}, {@code openssl}, {@code kill}).
 */
final class ExternalCommand {

  private static final long TIMEOUT_SECONDS = 60;

  private ExternalCommand() {}

  /**
   * Runs {@code command} in {@code workingDirectory} (or the current one if null) and returns its
   * standard output and error together.
   *
   * @throws IllegalStateException if it cannot start, times out or exits with a non-zero status
   */
  static String run(List<String> command, Path workingDirectory) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    Path output;
    Process process;
    try {
      // Output goes to a file, not a pipe, so a hung program cannot block us past the timeout.
      output = Files.createTempFile("larder-command-", ".out");
      process = builder.redirectOutput(output.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start `" + command.get(0) + "`: " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "`" + String.join(" ", command) + "` did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "`"
                + String.join(" ", command)
                + "` exited with status "
                + process.exitValue()
                + ": "
                + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the output of `" + command.get(0) + "`", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running `" + command.get(0) + "`", e);
    } finally {
      process.destroyForcibly();
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }
}

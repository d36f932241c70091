package dev.larder.testkit.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts that stand in for a broken or limited redis-server. */
final class FakeBinaries {

  private FakeBinaries() {}

  /** An executable {@code sh} script in {@code dir} running {@code body}. */
  static Path script(Path dir, String body) throws IOException {
    Path script = dir.resolve("redis-server");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /**
   * A redis-server that reports version 7.0.0 and, when started with a config, fails the way a
   * build without TLS fails on a {@code tls-port} directive.
   */
  static Path withoutTls(Path dir) throws IOException {
    return script(
        dir,
        String.join(
            "\n",
            "if [ \"$1\" = --version ]; then",
            "  echo 'Redis server v=7.0.0 sha=00000000:0 malloc=libc bits=64 build=0'",
            "  exit 0",
            "fi",
            "echo '*** FATAL CONFIG FILE ERROR (Redis 7.0.0) ***'",
            "echo 'Reading the configuration file, at line 3'",
            "echo \">>> 'tls-port 12345'\"",
            "echo 'Bad directive or wrong number of arguments'",
            "exit 1"));
  }
}

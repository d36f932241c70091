package dev.larder.testkit.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code redis-server} executable and its version.
 *
 * <p>{@link #locate()} looks in this order: the file named by {@code $REDIS_SERVER}, {@code
 * redis-server} on {@code PATH}, then the binary bundled in {@code
 * com.github.codemonstur:embedded-redis} (Redis 6.2, extracted once per JVM to a temporary file).
 *
 * <p>Immutable and thread-safe.
 */
public final class RedisBinary {

  /** The environment variable that names the {@code redis-server} to use. */
  public static final String ENV_VARIABLE = "REDIS_SERVER";

  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * The embedded binary is about 10 MB: extract it once per JVM, not once per server. This is the
   * only static state in the testkit besides the shutdown hook.
   */
  private static RedisBinary embedded;

  private final Path path;
  private final String origin;
  private final String version;
  private final int major;
  private final int minor;

  private RedisBinary(Path path, String origin) {
    this.path = path;
    this.origin = origin;
    String output = versionOutput(path);
    Matcher matcher = VERSION.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "Cannot read the version of "
              + path
              + " ("
              + origin
              + "); `--version` printed: "
              + output.strip());
    }
    this.version = matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3);
    this.major = Integer.parseInt(matcher.group(1));
    this.minor = Integer.parseInt(matcher.group(2));
  }

  /**
   * The binary tests should use: {@code $REDIS_SERVER} if set, else {@code redis-server} on {@code
   * PATH}, else the embedded one.
   *
   * @throws IllegalStateException if {@code $REDIS_SERVER} names no executable file, or nothing is
   *     found and the embedded binary does not exist for this platform
   */
  public static RedisBinary locate() {
    String fromEnv = System.getenv(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return at(Path.of(fromEnv), "$" + ENV_VARIABLE);
    }
    Optional<Path> onPath = searchPath("redis-server");
    if (onPath.isPresent()) {
      return new RedisBinary(onPath.get(), "PATH");
    }
    return embedded();
  }

  /** The executable at {@code path}. */
  public static RedisBinary at(Path path) {
    return at(path, "explicit path");
  }

  private static RedisBinary at(Path path, String origin) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new IllegalStateException(
          "redis-server " + path + " (" + origin + ") is not an executable file");
    }
    return new RedisBinary(path.toAbsolutePath(), origin);
  }

  /**
   * The binary bundled in {@code com.github.codemonstur:embedded-redis}, extracted to a temporary
   * file that is deleted when the JVM exits.
   *
   * @throws IllegalStateException if the jar is not on the class path or has no binary for this
   *     operating system and architecture
   */
  public static synchronized RedisBinary embedded() {
    if (embedded == null) {
      String resource = embeddedResourceName();
      Path file = extract(resource);
      embedded = new RedisBinary(file, "embedded-redis " + resource);
    }
    return embedded;
  }

  /** The absolute path of the executable. */
  public Path path() {
    return path;
  }

  /**
   * Where the binary was found: {@code $REDIS_SERVER}, {@code PATH}, embedded-redis, or explicit.
   */
  public String origin() {
    return origin;
  }

  /** The version the binary reports, such as {@code 7.0.15}. */
  public String version() {
    return version;
  }

  /** Whether the version is at least {@code major.minor}, for tests that need newer commands. */
  public boolean isAtLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  @Override
  public String toString() {
    return "redis-server " + version + " at " + path + " (from " + origin + ")";
  }

  private static Optional<Path> searchPath(String name) {
    String pathVariable = System.getenv("PATH");
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String entry : pathVariable.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private static String embeddedResourceName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
    boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
    if (os.contains("linux") && x64) {
      return "redis-server-6.2.6-v5-linux-amd64";
    }
    if (os.contains("linux") && arm64) {
      return "redis-server-6.2.7-linux-arm64";
    }
    if (os.contains("mac") && x64) {
      return "redis-server-6.2.6-v5-darwin-amd64";
    }
    if (os.contains("mac") && arm64) {
      return "redis-server-6.2.6-v5-darwin-arm64";
    }
    throw new IllegalStateException(
        "No redis-server found: $"
            + ENV_VARIABLE
            + " is unset, none is on PATH, and"
            + " embedded-redis has no binary for "
            + os
            + "/"
            + arch
            + ". Install redis-server or set $"
            + ENV_VARIABLE
            + ".");
  }

  private static Path extract(String resource) {
    try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "No redis-server found: $"
                + ENV_VARIABLE
                + " is unset, none is on PATH, and "
                + resource
                + " is not on the class path (is com.github.codemonstur:embedded-redis"
                + " a dependency?). Install redis-server or set $"
                + ENV_VARIABLE
                + ".");
      }
      Path file = Files.createTempFile("larder-" + resource + "-", "");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract " + resource + " from embedded-redis", e);
    }
  }

  private static String versionOutput(Path path) {
    try {
      return ExternalCommand.run(List.of(path.toString(), "--version"), null);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Cannot run " + path + " --version: " + e.getMessage(), e);
    }
  }
}

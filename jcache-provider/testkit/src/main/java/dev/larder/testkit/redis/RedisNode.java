package dev.larder.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * One {@code redis-server} process on 127.0.0.1 with its own temporary directory, no persistence
 * ({@code save ""}, {@code appendonly no}) and an optional password or ACL user. The common part of
 * {@link RedisServer} and {@link RedisTlsServer}.
 *
 * <p>Thread-safe. Commands sent by the testkit ({@link #call}, {@link #commandStats()} ...) each
 * open a fresh connection, so they count in {@link #commandStats()} as described there.
 */
public abstract class RedisNode implements RedisEndpoint {

  static final String HOST = "127.0.0.1";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PORT_ATTEMPTS = 5;

  private final NodeOptions options;
  private final Path directory;
  private TlsMaterial tls;
  private int port;
  private RedisProcess process;
  private boolean paused;
  private boolean closed;

  RedisNode(NodeOptions options) {
    this.options = options;
    try {
      this.directory = Files.createTempDirectory("larder-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for redis-server", e);
    }
  }

  /** Starts the process on a free port; closes the node and rethrows if that fails. */
  final synchronized void boot() {
    ProcessReaper.register(this);
    try {
      if (options.tls()) {
        tls = TlsMaterial.generate(Files.createDirectories(directory.resolve("tls")));
      }
      for (int attempt = 1; ; attempt++) {
        port = FreePorts.pick(options.clusterEnabled());
        if (launch()) {
          return;
        }
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException(
              "redis-server found its port already in use " + PORT_ATTEMPTS + " times in a row");
        }
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot prepare " + directory, e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Always 127.0.0.1. */
  public String host() {
    return HOST;
  }

  /** The port clients connect to (the TLS port of a {@link RedisTlsServer}). */
  public synchronized int port() {
    return port;
  }

  /** {@link #host()} and {@link #port()}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(HOST, port());
  }

  @Override
  public URI uri() {
    String scheme = options.tls() ? "rediss" : "redis";
    String userInfo = "";
    if (options.password() != null) {
      userInfo =
          (options.user() == null ? "" : UriText.encode(options.user()))
              + ":"
              + UriText.encode(options.password())
              + "@";
    }
    return URI.create(scheme + "://" + userInfo + HOST + ":" + port());
  }

  /** The ACL user clients must log in as, if the node was built with one. */
  public Optional<String> user() {
    return Optional.ofNullable(options.user());
  }

  /** The password of {@link #user()}, or of the default user ({@code requirepass}). */
  public Optional<String> password() {
    return Optional.ofNullable(options.password());
  }

  /** The executable this node runs. */
  public RedisBinary binary() {
    return options.binary();
  }

  /** The node's temporary directory (config file, log, cluster state); deleted by close(). */
  public Path directory() {
    return directory;
  }

  /** The server's log, which survives restarts; handy when a test fails. */
  public Path logFile() {
    return directory.resolve("redis.log");
  }

  /** Whether the process is running (it may be paused). */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Kills the process and waits until it has exited; clients then get "connection refused". Nothing
   * is persisted, so data is lost. Idempotent.
   */
  public synchronized void stop() {
    if (process != null) {
      RedisProcess stopping = process;
      process = null;
      paused = false;
      stopping.kill();
    }
  }

  /**
   * Stops the process if it runs, then starts a fresh one on the same port, for tests of
   * reconnection. Data is lost; a cluster node keeps its slots and peers ({@code nodes.conf}).
   *
   * @throws IllegalStateException if the node is closed or another process took the port
   */
  public synchronized void restart() {
    requireOpen();
    stop();
    if (!launch()) {
      throw new IllegalStateException(
          "cannot restart redis-server: another process took "
              + HOST
              + ":"
              + port
              + " while it was stopped");
    }
  }

  /**
   * Freezes the process ({@code SIGSTOP}): connections are still accepted by the kernel but no
   * command is answered, so clients run into their timeouts. Undo with {@link #resume()}.
   */
  public synchronized void pause() {
    requireRunning();
    if (!paused) {
      process.signal("STOP");
      paused = true;
    }
  }

  /** Lets a {@link #pause() paused} process run again. */
  public synchronized void resume() {
    requireRunning();
    if (paused) {
      process.signal("CONT");
      paused = false;
    }
  }

  @Override
  public Map<String, Long> commandStats() {
    String info = (String) call("INFO", "commandstats");
    Map<String, Long> calls = new TreeMap<>();
    for (String line : info.split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      int colon = line.indexOf(':');
      for (String field : line.substring(colon + 1).split(",")) {
        if (field.startsWith("calls=")) {
          calls.put(line.substring("cmdstat_".length(), colon), Long.parseLong(field.substring(6)));
        }
      }
    }
    return Collections.unmodifiableMap(calls);
  }

  @Override
  public void resetCommandStats() {
    call("CONFIG", "RESETSTAT");
  }

  @Override
  public void flushAll() {
    call("FLUSHALL");
  }

  /**
   * Runs one command on a fresh, authenticated connection, for test setup and inspection, for
   * example {@code call("SET", key, "not what Larder wrote")}. Bulk string replies come back as
   * {@link String} (UTF-8), integers as {@link Long}, arrays as {@link java.util.List}, nil as
   * null.
   *
   * @throws RedisCommandException if the server answers with an error
   * @throws UncheckedIOException if the connection fails
   * @throws IllegalStateException if the node is stopped or closed
   */
  public Object call(String... command) {
    return RespConnection.decodeBulkStrings(send((Object[]) command));
  }

  /** Like {@link #call}, with binary arguments; bulk string replies come back as {@code byte[]}. */
  public Object callBinary(byte[]... command) {
    return send((Object[]) command);
  }

  /** Stops the process and deletes {@link #directory()}. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      ProcessReaper.unregister(this);
      deleteTree(directory);
    }
  }

  @Override
  public synchronized String toString() {
    return getClass().getSimpleName()
        + "["
        + uriWithoutPassword()
        + ", "
        + (closed ? "closed" : isRunning() ? (paused ? "paused" : "running") : "stopped")
        + ", "
        + options.binary()
        + "]";
  }

  NodeOptions options() {
    return options;
  }

  /** The client-side TLS context, or null for a plain node. */
  final synchronized SSLContext sslContextOrNull() {
    return tls == null ? null : tls.sslContext;
  }

  final synchronized TlsMaterial tlsMaterial() {
    return tls;
  }

  private String uriWithoutPassword() {
    return (options.tls() ? "rediss" : "redis") + "://" + HOST + ":" + port;
  }

  private Object send(Object[] command) {
    InetSocketAddress address;
    SSLContext context;
    synchronized (this) {
      requireRunning();
      address = address();
      context = sslContextOrNull();
    }
    try (RespConnection connection = RespConnection.open(address, context)) {
      authenticate(connection);
      return connection.call(command);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "redis-server " + uriWithoutPassword() + " did not answer: " + e.getMessage(), e);
    }
  }

  private void authenticate(RespConnection connection) throws IOException {
    if (options.user() != null) {
      connection.call("AUTH", options.user(), options.password());
    } else if (options.password() != null) {
      connection.call("AUTH", options.password());
    }
  }

  /** Starts the process on {@link #port}; false if the port was taken, throws on other failures. */
  private boolean launch() {
    Path config = directory.resolve("redis.conf");
    RedisProcess started;
    try {
      Files.writeString(config, NodeConfig.render(options, port, directory, tls));
      started = RedisProcess.launch(options.binary(), config, logFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + options.binary(), e);
    }
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    Exception lastFailure = null;
    while (true) {
      if (!started.isAlive()) {
        String log = started.logTail(30);
        if (log.contains("Address already in use")) {
          return false;
        }
        throw new IllegalStateException(startFailure(log));
      }
      try (RespConnection connection = RespConnection.open(address(), sslContextOrNull())) {
        authenticate(connection);
        connection.call("PING");
        if (!answeredBy(started, connection)) {
          started.kill(); // another process owns the port; ours could not bind it
          return false;
        }
        process = started;
        paused = false;
        return true;
      } catch (IOException e) {
        lastFailure = e; // not listening yet
      } catch (RedisCommandException e) {
        if (!e.errorCode().equals("LOADING")) {
          started.kill();
          throw new IllegalStateException(
              options.binary() + " on port " + port + " refused the testkit: " + e.getMessage(), e);
        }
        lastFailure = e;
      }
      if (System.nanoTime() > deadline) {
        started.kill();
        throw new IllegalStateException(
            options.binary()
                + " on port "
                + port
                + " did not answer PING within "
                + STARTUP_TIMEOUT.toSeconds()
                + " s (last error: "
                + lastFailure
                + "). Log:\n"
                + started.logTail(30));
      }
      sleep(Duration.ofMillis(20));
    }
  }

  /** Whether the server on {@code connection} is {@code process}, not a stranger on the port. */
  private static boolean answeredBy(RedisProcess process, RespConnection connection)
      throws IOException {
    String info = (String) RespConnection.decodeBulkStrings(connection.call("INFO", "server"));
    return info.contains("\nprocess_id:" + process.pid() + "\r");
  }

  private String startFailure(String log) {
    if (options.tls() && NodeConfig.lacksTls(log)) {
      return options.binary()
          + " has no TLS support (it was built without BUILD_TLS=yes)."
          + " Point $"
          + RedisBinary.ENV_VARIABLE
          + " at a redis-server built with TLS, such as"
          + " Debian's redis-server package. Log:\n"
          + log;
    }
    return options.binary() + " exited during startup on port " + port + ". Log:\n" + log;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private void requireRunning() {
    requireOpen();
    if (process == null) {
      throw new IllegalStateException(this + " is stopped; call restart() first");
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }

  /** Deletes {@code root} and everything under it, ignoring failures. */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // a leftover temporary directory is harmless; the process is already gone
    }
  }
}

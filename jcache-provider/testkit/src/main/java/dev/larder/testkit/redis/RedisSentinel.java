package dev.larder.testkit.redis;

import static dev.larder.testkit.redis.RedisNode.HOST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real Sentinel deployment on free ports of 127.0.0.1: one master (a {@link RedisServer} without
 * replicas) and one sentinel ({@code redis-server sentinel.conf --sentinel}) that monitors it as
 * {@value #MASTER_NAME} with a quorum of 1. {@link #start()} returns once the sentinel answers
 * {@code SENTINEL get-master-addr-by-name} with the master's address.
 *
 * <pre>{@code
 * try (RedisSentinel sentinel = RedisSentinel.start()) {
 *   URI uri = sentinel.uri(); // redis-sentinel://127.0.0.1:41234/mymaster
 *   sentinel.master().call("DBSIZE");
 * }
 * }</pre>
 *
 * <p>{@link #commandStats()}, {@link #resetCommandStats()} and {@link #flushAll()} act on the
 * master. The sentinel talks to the master too ({@code ping}, {@code info}, {@code publish} ...
 * about once a second), so read only the commands under test. In JUnit 5 tests prefer {@link
 * RedisServerExtension#sentinel()}. Thread-safe.
 */
public final class RedisSentinel implements RedisEndpoint {

  /** The name the sentinel monitors the master under, the path of {@link #uri()}. */
  public static final String MASTER_NAME = "mymaster";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PORT_ATTEMPTS = 5;

  private final RedisBinary binary;
  private final RedisServer master;
  private final Path directory;
  private int port;
  private RedisProcess process;
  private boolean closed;

  private RedisSentinel(RedisBinary binary, RedisServer master) {
    this.binary = binary;
    this.master = master;
    try {
      this.directory = Files.createTempDirectory("larder-sentinel-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the sentinel", e);
    }
  }

  /** Starts a master and a sentinel with {@link RedisBinary#locate()}. */
  public static RedisSentinel start() {
    return builder().start();
  }

  /** A builder for another binary. */
  public static Builder builder() {
    return new Builder();
  }

  /** The monitored master; stop, restart or pause it like any {@link RedisServer}. */
  public RedisServer master() {
    return master;
  }

  /** Always {@value #MASTER_NAME}. */
  public String masterName() {
    return MASTER_NAME;
  }

  /** The sentinel's port on 127.0.0.1. */
  public synchronized int sentinelPort() {
    return port;
  }

  /** The sentinel's address, what a client is given. */
  public InetSocketAddress sentinelAddress() {
    return new InetSocketAddress(HOST, sentinelPort());
  }

  /** The sentinel's temporary directory (its config file, which it rewrites, and its log). */
  public Path directory() {
    return directory;
  }

  /** The sentinel's log; handy when a test fails. The master has its own. */
  public Path logFile() {
    return directory.resolve("sentinel.log");
  }

  /** Whether the sentinel process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** {@code redis-sentinel://127.0.0.1:<sentinel port>/mymaster}. */
  @Override
  public URI uri() {
    return URI.create("redis-sentinel://" + HOST + ":" + sentinelPort() + "/" + MASTER_NAME);
  }

  /** The master's statistics; see {@link RedisEndpoint#commandStats()}. */
  @Override
  public Map<String, Long> commandStats() {
    return master.commandStats();
  }

  @Override
  public void resetCommandStats() {
    master.resetCommandStats();
  }

  @Override
  public void flushAll() {
    master.flushAll();
  }

  /**
   * Runs one command on the sentinel, such as {@code callSentinel("SENTINEL", "masters")}; replies
   * are decoded as by {@link RedisNode#call}.
   *
   * @throws RedisCommandException if the sentinel answers with an error
   * @throws UncheckedIOException if the connection fails
   * @throws IllegalStateException if the deployment is closed
   */
  public Object callSentinel(String... command) {
    synchronized (this) {
      if (closed || process == null) {
        throw new IllegalStateException(this + " is closed");
      }
    }
    try (RespConnection connection = RespConnection.open(sentinelAddress(), null)) {
      return RespConnection.decodeBulkStrings(connection.call((Object[]) command));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the sentinel on port " + sentinelPort() + " did not answer: " + e.getMessage(), e);
    }
  }

  /** Stops the sentinel and the master and deletes their files. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      stopSentinel();
    } finally {
      try {
        master.close();
      } finally {
        ProcessReaper.unregister(this);
        RedisNode.deleteTree(directory);
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "RedisSentinel[redis-sentinel://"
        + HOST
        + ":"
        + port
        + "/"
        + MASTER_NAME
        + ", "
        + (closed ? "closed" : isRunning() ? "running" : "stopped")
        + ", master "
        + master
        + "]";
  }

  private synchronized void stopSentinel() {
    if (process != null) {
      RedisProcess stopping = process;
      process = null;
      stopping.kill();
    }
  }

  /** Starts the sentinel on a free port; closes everything and rethrows if that fails. */
  private void boot() {
    ProcessReaper.register(this);
    try {
      for (int attempt = 1; ; attempt++) {
        synchronized (this) {
          port = FreePorts.pick(false);
        }
        if (launch()) {
          return;
        }
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException(
              "the sentinel found its port already in use " + PORT_ATTEMPTS + " times in a row");
        }
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private String config() {
    return String.join(
            "\n",
            "bind " + HOST,
            "port " + port,
            "daemonize no",
            "logfile \"\"",
            "dir " + NodeConfig.quote(directory.toString()),
            "sentinel monitor " + MASTER_NAME + " " + HOST + " " + master.port() + " 1",
            "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
            "sentinel failover-timeout " + MASTER_NAME + " 5000",
            "sentinel parallel-syncs " + MASTER_NAME + " 1")
        + "\n";
  }

  /**
   * Starts the sentinel on {@link #port}; false if the port was taken, throws on other failures.
   */
  private boolean launch() {
    Path config = directory.resolve("sentinel.conf");
    RedisProcess started;
    try {
      // A fresh file per attempt: the sentinel rewrites it (its id, the replicas it found).
      Files.writeString(config, config());
      started = RedisProcess.launch(binary, config, logFile(), "--sentinel");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sentinel with " + binary, e);
    }
    InetSocketAddress address = sentinelAddress();
    List<String> expected = List.of(HOST, Integer.toString(master.port()));
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    Object lastAnswer = null;
    while (true) {
      if (!started.isAlive()) {
        String log = started.logTail(30);
        if (log.contains("Address already in use")) {
          return false;
        }
        throw new IllegalStateException(
            binary + " --sentinel exited during startup on port " + port + ". Log:\n" + log);
      }
      try (RespConnection connection = RespConnection.open(address, null)) {
        String info = (String) RespConnection.decodeBulkStrings(connection.call("INFO", "server"));
        if (!info.contains("\nprocess_id:" + started.pid() + "\r")) {
          started.kill(); // another process owns the port; ours could not bind it
          return false;
        }
        lastAnswer =
            RespConnection.decodeBulkStrings(
                connection.call("SENTINEL", "get-master-addr-by-name", MASTER_NAME));
        if (expected.equals(lastAnswer)) {
          synchronized (this) {
            process = started;
          }
          return true;
        }
      } catch (IOException e) {
        lastAnswer = e; // not listening yet
      } catch (RedisCommandException e) {
        started.kill();
        throw new IllegalStateException(
            binary + " --sentinel on port " + port + " refused the testkit: " + e.getMessage(), e);
      }
      if (System.nanoTime() > deadline) {
        started.kill();
        throw new IllegalStateException(
            binary
                + " --sentinel on port "
                + port
                + " did not report the master "
                + expected
                + " within "
                + STARTUP_TIMEOUT.toSeconds()
                + " s (last answer: "
                + lastAnswer
                + "). Log:\n"
                + started.logTail(30));
      }
      RedisNode.sleep(Duration.ofMillis(20));
    }
  }

  /** Options for {@link RedisSentinel}. Not thread-safe. */
  public static final class Builder {

    private RedisBinary binary;

    private Builder() {}

    /** The executable for the master and the sentinel; {@link RedisBinary#locate()} if not set. */
    public Builder binary(RedisBinary binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Starts the master, then the sentinel, and waits until the sentinel reports the master. */
    public RedisSentinel start() {
      RedisBinary chosen = binary != null ? binary : RedisBinary.locate();
      RedisServer master = RedisServer.builder().binary(chosen).start();
      RedisSentinel sentinel;
      try {
        sentinel = new RedisSentinel(chosen, master);
      } catch (RuntimeException | Error e) {
        master.close();
        throw e;
      }
      sentinel.boot();
      return sentinel;
    }
  }
}

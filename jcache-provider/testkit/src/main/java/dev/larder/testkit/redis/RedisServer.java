package dev.larder.testkit.redis;

import java.util.Objects;

/**
 * A real, single {@code redis-server} on a free port of 127.0.0.1, for tests. No persistence, its
 * own temporary directory, never the machine's own Redis. Started by {@link #start()} or {@link
 * #builder()}; stop it with {@link #close()} (a shutdown hook and a stdin watchdog make sure it
 * never outlives the JVM anyway).
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.builder().user("larder", "s3cret").start()) {
 *   URI uri = redis.uri(); // redis://larder:s3cret@127.0.0.1:41234
 *   redis.resetCommandStats();
 *   // ... run one cache operation ...
 *   assertEquals(1L, redis.commandStats().get("get"));
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests prefer {@link RedisServerExtension#single()}. Thread-safe.
 */
public final class RedisServer extends RedisNode {

  private RedisServer(NodeOptions options) {
    super(options);
  }

  /** Starts a server with no password, using {@link RedisBinary#locate()}. */
  public static RedisServer start() {
    return builder().start();
  }

  /** A builder for a server with a password, an ACL user or a given binary. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a cluster-enabled node with no slots, for {@link RedisCluster}. */
  static RedisServer startClusterNode(RedisBinary binary) {
    return boot(new RedisServer(new NodeOptions(binary, null, null, true, false)));
  }

  private static RedisServer boot(RedisServer server) {
    server.boot();
    return server;
  }

  /** Options for {@link RedisServer}. Not thread-safe. */
  public static final class Builder {

    private RedisBinary binary;
    private String user;
    private String password;

    private Builder() {}

    /** The executable to run; {@link RedisBinary#locate()} if not set. */
    public Builder binary(RedisBinary binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /**
     * Requires this password for the default user ({@code requirepass}); replaces {@link #user}.
     */
    public Builder password(String password) {
      this.user = null;
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Adds an ACL user with every permission and disables the default user, so clients must log in
     * as {@code user}; replaces {@link #password}. Needs Redis 6.2 or newer.
     */
    public Builder user(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Starts the server and waits until it answers PING. */
    public RedisServer start() {
      RedisBinary chosen = binary != null ? binary : RedisBinary.locate();
      return boot(new RedisServer(new NodeOptions(chosen, user, password, false, false)));
    }
  }
}

package dev.larder.testkit.redis;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts a Redis test deployment before the tests and stops it after.
 *
 * <pre>{@code
 * class RedisStoreTest {
 *   @RegisterExtension
 *   static final RedisServerExtension<RedisServer> redis = RedisServerExtension.single();
 *
 *   @Test
 *   void get_whenAbsent_returnsNull() {
 *     CacheManager manager = provider.getCacheManager(redis.uri(), loader);
 *     ...
 *     assertEquals(1L, redis.get().commandStats().get("get"));
 *   }
 * }
 * }</pre>
 *
 * <p>On a {@code static} field the deployment lives for the whole class (nested classes share it);
 * on an instance field, for each test. {@link #cluster()}, {@link #tls()} and {@link #sentinel()}
 * work the same way, and {@link #of} takes any starter, such as {@code () ->
 * RedisServer.builder().user("u", "p").start()}. Tests that stop or pause a node should restart or
 * resume it before they end. Data is not cleared between tests: use fresh key names or {@code
 * redis.get().flushAll()}.
 *
 * <p>Thread-safe.
 *
 * @param <T> the kind of deployment
 */
public final class RedisServerExtension<T extends RedisEndpoint>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final Supplier<? extends T> starter;
  private T endpoint;
  private String ownerId;

  private RedisServerExtension(Supplier<? extends T> starter) {
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /** One plain server without a password: {@link RedisServer#start()}. */
  public static RedisServerExtension<RedisServer> single() {
    return new RedisServerExtension<>(RedisServer::start);
  }

  /** Three masters: {@link RedisCluster#start()}. */
  public static RedisServerExtension<RedisCluster> cluster() {
    return new RedisServerExtension<>(RedisCluster::start);
  }

  /** One TLS-only server with generated certificates: {@link RedisTlsServer#start()}. */
  public static RedisServerExtension<RedisTlsServer> tls() {
    return new RedisServerExtension<>(RedisTlsServer::start);
  }

  /** A master watched by one sentinel: {@link RedisSentinel#start()}. */
  public static RedisServerExtension<RedisSentinel> sentinel() {
    return new RedisServerExtension<>(RedisSentinel::start);
  }

  /** Whatever {@code starter} starts, for example a server with a password. */
  public static <T extends RedisEndpoint> RedisServerExtension<T> of(
      Supplier<? extends T> starter) {
    return new RedisServerExtension<>(starter);
  }

  /**
   * The running deployment.
   *
   * @throws IllegalStateException outside the tests this extension is registered for
   */
  public synchronized T get() {
    if (endpoint == null) {
      throw new IllegalStateException(
          "the Redis test deployment runs only while the tests of the class that registers this"
              + " extension run (is the field annotated with @RegisterExtension?)");
    }
    return endpoint;
  }

  /** {@code get().uri()}. */
  public URI uri() {
    return get().uri();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopFor(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopFor(context);
  }

  /** Starts once, in the outermost context that reaches us: the class for a static field. */
  private synchronized void startFor(ExtensionContext context) {
    if (endpoint == null) {
      endpoint = Objects.requireNonNull(starter.get(), "the starter returned null");
      ownerId = context.getUniqueId();
    }
  }

  private synchronized void stopFor(ExtensionContext context) {
    if (endpoint != null && context.getUniqueId().equals(ownerId)) {
      try {
        endpoint.close();
      } finally {
        endpoint = null;
        ownerId = null;
      }
    }
  }
}

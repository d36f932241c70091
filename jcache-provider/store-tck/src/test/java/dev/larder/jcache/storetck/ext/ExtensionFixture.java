package dev.larder.jcache.storetck.ext;

import dev.larder.jcache.LarderCacheManager;
import dev.larder.jcache.LarderCachingProvider;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.testkit.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the extension contract needs: a cache manager on the backend under test whose caches measure
 * time on a {@link ManualClock}, in a namespace private to the running test, and a second manager
 * of an independent caching provider (its own connection pool, as another JVM would have). A
 * backend runs the contract by subclassing each {@code *Contract} class in a few lines, typically
 * as {@code @Nested} classes of one test class:
 *
 * <pre>{@code
 * class RedisExtensionTest {
 *   @RegisterExtension static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();
 *
 *   @Nested class QueueTest extends QueueContract {
 *     @Override protected URI uri() { return REDIS.uri(); }
 *   }
 *   ...
 * }
 * }</pre>
 */
public abstract class ExtensionFixture {

  private final List<LarderCachingProvider> providers = new ArrayList<>();
  private ManualClock clock;
  private LarderCacheManager manager;
  private LarderCacheManager peer;
  private String runId;

  /** The URI of the backend under test. */
  protected abstract URI uri();

  /**
   * Whether managers of two caching providers on {@link #uri()} share data (every remote backend
   * does; the memory backend keeps data per manager, so its "peer" is the same manager). Remote
   * backends also run lease TTLs on the server's clock, not on {@link #clock()}.
   */
  protected boolean remote() {
    return !"memory".equals(uri().getScheme());
  }

  @BeforeEach
  final void openManagers() {
    clock = ManualClock.create();
    runId = UUID.randomUUID().toString().substring(0, 8);
    manager = newManager();
    peer = remote() ? newManager() : manager;
  }

  @AfterEach
  final void closeManagers() {
    try {
      for (String name : manager.getCacheNames()) {
        manager.destroyCache(name);
      }
    } finally {
      providers.forEach(LarderCachingProvider::close);
    }
  }

  private LarderCacheManager newManager() {
    LarderCachingProvider provider = new LarderCachingProvider(clock);
    providers.add(provider);
    Properties properties = new Properties();
    properties.setProperty(LarderCacheManager.NAMESPACE_PROPERTY, "ext tck " + runId);
    return provider
        .getCacheManager(uri(), getClass().getClassLoader(), properties)
        .unwrap(LarderCacheManager.class);
  }

  protected final ManualClock clock() {
    return clock;
  }

  protected final LarderCacheManager manager() {
    return manager;
  }

  /** A manager of another caching provider, sharing the backend and namespace. */
  protected final LarderCacheManager peer() {
    return peer;
  }

  protected final String runId() {
    return runId;
  }

  /** A new String-to-String cache with default configuration. */
  protected final ExtendedCache<String, String> cache(String name) {
    return cache(name, new MutableConfiguration<String, String>());
  }

  protected final ExtendedCache<String, String> cache(
      String name, MutableConfiguration<String, String> configuration) {
    configuration.setTypes(String.class, String.class);
    return ExtendedCache.of(manager.createCache(name, configuration));
  }

  /**
   * Lets a lease of {@code ttl} run out: moves the manual clock past it and, on a remote backend
   * whose leases expire on the server, waits it out too (keep such TTLs short).
   */
  protected final void letLeaseExpire(Duration ttl) {
    clock.advance(ttl.plusMillis(1));
    if (remote()) {
      LockSupport.parkNanos(ttl.plusMillis(30).toNanos());
    }
  }
}

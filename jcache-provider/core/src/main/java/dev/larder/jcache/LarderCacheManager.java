package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.codec.Codec;
import dev.larder.jcache.codec.Codecs;
import dev.larder.jcache.config.LarderConfiguration;
import dev.larder.jcache.event.EventDispatcher;
import dev.larder.jcache.expiry.ExpiryCalculator;
import dev.larder.jcache.ext.Locks;
import dev.larder.jcache.ext.Queues;
import dev.larder.jcache.ext.internal.BackendLocks;
import dev.larder.jcache.ext.internal.BackendQueues;
import dev.larder.jcache.integration.CacheIntegration;
import dev.larder.jcache.internal.Backends;
import dev.larder.jcache.internal.UriParameters;
import dev.larder.jcache.management.CacheConfigurationBean;
import dev.larder.jcache.management.CacheStatistics;
import dev.larder.jcache.management.MBeans;
import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;

/**
 * A JCache {@link CacheManager} over one backend (one URI). It keeps the registry of its caches in
 * this JVM, as the TCK requires: the same URI with another class loader is another manager with
 * caches of its own. Thread-safe.
 */
public final class LarderCacheManager implements CacheManager {

  /** Manager property (or system property) that puts every cache of a manager in a namespace. */
  public static final String NAMESPACE_PROPERTY = "larder.namespace";

  private final LarderCachingProvider provider;
  private final URI uri;
  private final String safeName;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final Clock clock;
  private final Backend backend;
  private final String namespace;
  private final long defaultMaximumSize;
  private final ConcurrentMap<String, LarderCache<?, ?>> caches = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private volatile boolean closed;

  LarderCacheManager(
      LarderCachingProvider provider,
      URI uri,
      ClassLoader classLoader,
      Properties properties,
      Clock clock,
      Backends backends) {
    this.provider = provider;
    this.uri = uri;
    this.safeName = UriParameters.redact(uri);
    this.classLoader = classLoader;
    this.properties = properties;
    this.clock = clock;
    this.namespace =
        properties.getProperty(NAMESPACE_PROPERTY, System.getProperty(NAMESPACE_PROPERTY, ""));
    String maximumSize = UriParameters.of(uri).get("maximumSize");
    this.defaultMaximumSize = parseMaximumSize(maximumSize);
    this.backend = backends.open(new BackendContext(uri, properties, classLoader, clock));
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "larder-loader");
              thread.setDaemon(true);
              return thread;
            });
  }

  private long parseMaximumSize(String text) {
    if (text == null) {
      return StoreSettings.UNBOUNDED;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "LARDER-034: URI parameter maximumSize must be a whole number >= 0, was '"
            + text
            + "' in "
            + safeName);
  }

  ExecutorService executor() {
    return executor;
  }

  /**
   * The named FIFO queues of this manager's backend, in its namespace, for the global tenant
   * ({@link Queues#forTenant} for others). Queues live as long as the backend keeps them, not as
   * long as this manager.
   */
  public Queues queues() {
    requireOpen();
    return new BackendQueues(backend, namespace, Partition.GLOBAL, classLoader);
  }

  /**
   * The named locks (leases) of this manager's backend, in its namespace, for the global tenant
   * ({@link Locks#forTenant} for others).
   */
  public Locks locks() {
    requireOpen();
    return new BackendLocks(backend, namespace, Partition.GLOBAL);
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(
      String cacheName, C configuration) {
    requireOpen();
    requireNonNull(cacheName, "cacheName");
    requireNonNull(configuration, "configuration");
    if (!configuration.isStoreByValue() && !backend.storesObjects()) {
      // JSR-107: createCache throws UnsupportedOperationException for an unsupported feature
      throw new UnsupportedOperationException(
          "LARDER-036: cache '"
              + cacheName
              + "' asks for store-by-reference, which backend "
              + backend.description()
              + " cannot do (it keeps bytes, not objects); configure setStoreByValue(true)");
    }
    synchronized (caches) {
      if (caches.containsKey(cacheName)) {
        throw new CacheException(
            "cache '" + cacheName + "' already exists in cache manager " + safeName);
      }
      LarderCache<K, V> cache = build(cacheName, new LarderConfiguration<>(configuration));
      caches.put(cacheName, cache);
      registerMBeans(cache);
      return cache;
    }
  }

  private <K, V> LarderCache<K, V> build(String name, LarderConfiguration<K, V> configuration) {
    long maximumSize =
        configuration.isBounded() ? configuration.getMaximumSize() : defaultMaximumSize;
    StoreSettings settings = new StoreSettings(maximumSize);
    Store store = backend.store(new Partition(Partition.GLOBAL, namespace, name), settings);
    Codec<K> keys =
        Codecs.forCache(name, classLoader, backend.storesObjects(), configuration.isStoreByValue());
    Codec<V> values =
        Codecs.forCache(name, classLoader, backend.storesObjects(), configuration.isStoreByValue());
    CacheStatistics statistics = new CacheStatistics();
    statistics.setEnabled(configuration.isStatisticsEnabled());
    LarderCache<K, V> cache =
        new LarderCache<>(
            this,
            self ->
                new CacheRuntime<>(
                    name,
                    configuration,
                    store,
                    keys,
                    values,
                    new ExpiryCalculator(configuration.getExpiryPolicyFactory().create()),
                    new EventDispatcher<>(self),
                    statistics,
                    new CacheIntegration<>(configuration),
                    clock,
                    partition -> backend.store(partition, settings)));
    configuration
        .getCacheEntryListenerConfigurations()
        .forEach(listener -> cache.runtime().events.register(listener));
    return cache;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    requireOpen();
    requireNonNull(cacheName, "cacheName");
    requireNonNull(keyType, "keyType");
    requireNonNull(valueType, "valueType");
    LarderCache<?, ?> cache = caches.get(cacheName);
    if (cache == null) {
      return null;
    }
    Configuration<?, ?> configuration = cache.runtime().configuration;
    if (!keyType.equals(configuration.getKeyType())
        || !valueType.equals(configuration.getValueType())) {
      throw new ClassCastException(
          "cache '"
              + cacheName
              + "' holds "
              + configuration.getKeyType().getName()
              + " -> "
              + configuration.getValueType().getName()
              + ", not "
              + keyType.getName()
              + " -> "
              + valueType.getName());
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> typed = (Cache<K, V>) cache;
    return typed;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    requireNonNull(cacheName, "cacheName");
    return (Cache<K, V>) caches.get(cacheName);
  }

  @Override
  public Iterable<String> getCacheNames() {
    requireOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    requireOpen();
    requireNonNull(cacheName, "cacheName");
    synchronized (caches) {
      LarderCache<?, ?> cache = caches.remove(cacheName);
      if (cache != null) {
        unregisterMBeans(cache);
        cache.closeResources();
        cache.clearAllPartitions();
      } else {
        backend
            .store(new Partition(Partition.GLOBAL, namespace, cacheName), StoreSettings.DEFAULT)
            .clear();
      }
    }
  }

  /** Called by {@link LarderCache#close()}: the cache leaves this manager. */
  void release(LarderCache<?, ?> cache) {
    synchronized (caches) {
      caches.remove(cache.getName(), cache);
      unregisterMBeans(cache);
      cache.closeResources();
      if (backend.storesObjects()) {
        // an in-JVM store has no life beyond the cache that manages it
        cache.clearAllPartitions();
      }
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    requireOpen();
    LarderCache<?, ?> cache = caches.get(requireNonNull(cacheName, "cacheName"));
    if (cache != null) {
      cache.runtime().configuration.setManagementEnabled(enabled);
      toggle(cache, MBeans.Kind.CONFIGURATION, enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    LarderCache<?, ?> cache = caches.get(requireNonNull(cacheName, "cacheName"));
    if (cache != null) {
      cache.runtime().configuration.setStatisticsEnabled(enabled);
      cache.runtime().statistics.setEnabled(enabled);
      toggle(cache, MBeans.Kind.STATISTICS, enabled);
    }
  }

  private void registerMBeans(LarderCache<?, ?> cache) {
    toggle(cache, MBeans.Kind.CONFIGURATION, cache.runtime().configuration.isManagementEnabled());
    toggle(cache, MBeans.Kind.STATISTICS, cache.runtime().configuration.isStatisticsEnabled());
  }

  private void unregisterMBeans(LarderCache<?, ?> cache) {
    toggle(cache, MBeans.Kind.CONFIGURATION, false);
    toggle(cache, MBeans.Kind.STATISTICS, false);
  }

  private void toggle(LarderCache<?, ?> cache, MBeans.Kind kind, boolean enabled) {
    var name = MBeans.name(kind, safeName, cache.getName());
    if (!enabled) {
      MBeans.unregister(name);
      return;
    }
    Object bean =
        kind == MBeans.Kind.STATISTICS
            ? cache.runtime().statistics
            : new CacheConfigurationBean(cache.runtime().configuration);
    MBeans.register(bean, name);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    synchronized (caches) {
      if (closed) {
        return;
      }
      closed = true;
      for (LarderCache<?, ?> cache : caches.values()) {
        unregisterMBeans(cache);
        cache.closeResources();
      }
      caches.clear();
    }
    executor.shutdown();
    backend.close();
    provider.release(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException(
        "cache manager " + safeName + " cannot be unwrapped to " + clazz.getName());
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(
          "cache manager " + safeName + " is closed; get a new one from the CachingProvider");
    }
  }

  @Override
  public String toString() {
    return "LarderCacheManager{" + safeName + ", " + backend.description() + "}";
  }
}

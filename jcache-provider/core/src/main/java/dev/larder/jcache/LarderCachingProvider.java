package dev.larder.jcache;

import dev.larder.jcache.internal.Backends;
import dev.larder.jcache.internal.DefaultUri;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * Larder's JCache {@link CachingProvider}, found through {@code META-INF/services}. It serves
 * in-memory, Redis and DynamoDB cache managers, chosen by the URI's scheme; the default URI comes
 * from {@link DefaultUri}. Managers are kept per (class loader, URI) until closed. Thread-safe.
 */
public final class LarderCachingProvider implements CachingProvider {

  private final Clock clock;
  private final Backends backends = new Backends();
  private final Map<ClassLoader, Map<URI, LarderCacheManager>> managers = new WeakHashMap<>();

  /** The provider {@link java.util.ServiceLoader} creates: expiry follows the system clock. */
  public LarderCachingProvider() {
    this(Clock.systemUTC());
  }

  /** A provider whose caches measure expiry against {@code clock} (for tests that never sleep). */
  public LarderCachingProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties managerProperties = properties == null ? new Properties() : properties;
    synchronized (managers) {
      Map<URI, LarderCacheManager> byUri = managers.computeIfAbsent(loader, l -> new HashMap<>());
      LarderCacheManager manager = byUri.get(managerUri);
      if (manager == null || manager.isClosed()) {
        manager =
            new LarderCacheManager(this, managerUri, loader, managerProperties, clock, backends);
        byUri.put(managerUri, manager);
      }
      return manager;
    }
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return DefaultUri.resolve(getDefaultClassLoader());
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  @Override
  public void close() {
    List<LarderCacheManager> all = new ArrayList<>();
    synchronized (managers) {
      managers.values().forEach(byUri -> all.addAll(byUri.values()));
    }
    all.forEach(LarderCacheManager::close);
  }

  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    List<LarderCacheManager> all;
    synchronized (managers) {
      all = new ArrayList<>(managers.getOrDefault(loader, Map.of()).values());
    }
    all.forEach(LarderCacheManager::close);
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    LarderCacheManager manager;
    synchronized (managers) {
      manager = managers.getOrDefault(loader, Map.of()).get(managerUri);
    }
    if (manager != null) {
      manager.close();
    }
  }

  /** Forgets a closed manager, so the next request for its URI gets a new one. */
  void release(LarderCacheManager manager) {
    synchronized (managers) {
      Map<URI, LarderCacheManager> byUri = managers.get(manager.getClassLoader());
      if (byUri != null) {
        byUri.remove(manager.getURI(), manager);
        if (byUri.isEmpty()) {
          managers.remove(manager.getClassLoader());
        }
      }
    }
  }

  @Override
  public boolean isSupported(OptionalFeature feature) {
    // the TCK asks this of the provider, not of a manager: answer for the default URI's backend
    return feature == OptionalFeature.STORE_BY_REFERENCE
        && backends.supportsStoreByReference(getDefaultURI(), getDefaultClassLoader());
  }

  @Override
  public String toString() {
    return "LarderCachingProvider";
  }
}

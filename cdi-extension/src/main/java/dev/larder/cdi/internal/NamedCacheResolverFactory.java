package dev.larder.cdi.internal;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.configuration.MutableConfiguration;

/**
 * The spec's default {@link CacheResolverFactory}: resolves a cache by name in the CacheManager,
 * creating it with a default {@link MutableConfiguration} when it does not exist yet. Tenant
 * scoping happens after resolution, so custom factories get it too. Thread-safe.
 */
final class NamedCacheResolverFactory implements CacheResolverFactory {

  private final Supplier<CacheManager> manager;

  NamedCacheResolverFactory(Supplier<CacheManager> manager) {
    this.manager = manager;
  }

  @Override
  public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
    return new Named(manager, details.getCacheName());
  }

  @Override
  public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
    return new Named(manager, details.getCacheAnnotation().exceptionCacheName());
  }

  private record Named(Supplier<CacheManager> manager, String name) implements CacheResolver {

    @Override
    public <K, V> Cache<K, V> resolveCache(CacheInvocationContext<? extends Annotation> context) {
      CacheManager cacheManager = manager.get();
      Cache<K, V> cache = cacheManager.getCache(name);
      if (cache != null) {
        return cache;
      }
      try {
        return cacheManager.createCache(name, new MutableConfiguration<K, V>());
      } catch (CacheException createdConcurrently) {
        Cache<K, V> created = cacheManager.getCache(name);
        if (created == null) {
          throw createdConcurrently;
        }
        return created;
      }
    }
  }
}

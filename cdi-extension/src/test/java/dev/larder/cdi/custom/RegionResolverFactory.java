package dev.larder.cdi.custom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.configuration.MutableConfiguration;

/** A factory that is a CDI bean: it gets the CacheManager injected and prefixes cache names. */
@ApplicationScoped
public class RegionResolverFactory implements CacheResolverFactory {

  private final AtomicInteger resolvers = new AtomicInteger();
  @Inject CacheManager manager;

  public int resolversMade() {
    return resolvers.get();
  }

  @Override
  public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
    resolvers.incrementAndGet();
    String name = "region-" + details.getCacheName();
    return new CacheResolver() {
      @Override
      public <K, V> Cache<K, V> resolveCache(CacheInvocationContext<? extends Annotation> context) {
        Cache<K, V> cache = manager.getCache(name);
        return cache != null ? cache : manager.createCache(name, new MutableConfiguration<K, V>());
      }
    };
  }

  @Override
  public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
    throw new UnsupportedOperationException("no exception caches here");
  }
}

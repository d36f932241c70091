package dev.larder.cdi.testing;

import dev.larder.jcache.LarderCachingProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import javax.cache.CacheManager;

/** Produces a fresh in-memory CacheManager per container, as an application would produce one. */
@Dependent
public class TestCacheManager {

  @Produces
  @ApplicationScoped
  CacheManager cacheManager() {
    return new LarderCachingProvider()
        .getCacheManager(URI.create("memory:default"), getClass().getClassLoader());
  }

  void close(@Disposes CacheManager manager) {
    manager.getCachingProvider().close();
  }
}

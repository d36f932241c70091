package dev.larder.cdi.deployment;

import dev.larder.cdi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/** Beans that misuse the annotations, one misuse each; each must fail deployment. */
final class Misused {

  private Misused() {}

  @ApplicationScoped
  static class TwoOperations {
    @CacheResult
    @CacheRemove
    public String both(String id) {
      return id;
    }
  }

  @ApplicationScoped
  static class ResultOnVoid {
    @CacheResult
    public void nothing(String id) {}
  }

  @ApplicationScoped
  static class PutWithoutValue {
    @CachePut
    public void save(String id, String value) {}
  }

  @ApplicationScoped
  static class TwoValues {
    @CachePut
    public void save(String id, @CacheValue String a, @CacheValue String b) {}
  }

  @ApplicationScoped
  static class ValueWithoutPut {
    @CacheResult
    public String load(String id, @CacheValue String value) {
      return value;
    }
  }

  @ApplicationScoped
  static class KeyAndValue {
    @CachePut
    public void save(String id, @CacheKey @CacheValue String value) {}
  }

  @ApplicationScoped
  static class ExceptionsWithoutCache {
    @CacheResult(cachedExceptions = IllegalStateException.class)
    public String load(String id) {
      return id;
    }
  }

  @ApplicationScoped
  static class ExceptionsInResultCache {
    @CacheResult(cacheName = "same", exceptionCacheName = "same")
    public String load(String id) {
      return id;
    }
  }

  @ApplicationScoped
  static class StaticMethod {
    @CacheResult
    public static String load(String id) {
      return id;
    }
  }

  @ApplicationScoped
  @CacheResult
  static class ClassLevel {
    public String load(String id) {
      return id;
    }
  }

  static class OwnFuture<T> extends CompletableFuture<T> {}

  @ApplicationScoped
  static class OddAsyncType {
    @CacheResult
    public OwnFuture<String> load(String id) {
      return new OwnFuture<>();
    }
  }

  abstract static class AbstractFactory implements CacheResolverFactory {}

  @ApplicationScoped
  static class UnusableFactory {
    @CacheResult(cacheResolverFactory = AbstractFactory.class)
    public String load(String id) {
      return id;
    }
  }

  @ApplicationScoped
  static class KeyOnRemoveAll {
    @CacheRemoveAll
    public void clear(@CacheKey String id) {}
  }

  /** Two misuses in one class: both are reported. */
  @ApplicationScoped
  static class TwoMisuses {
    @CacheResult
    public void nothing() {}

    @CachePut
    public void save(String id) {}
  }

  static class TwoManagers {
    @Produces
    @ApplicationScoped
    CacheManager first() {
      return Caching.getCachingProvider().getCacheManager();
    }

    @Produces
    @ApplicationScoped
    CacheManager second() {
      return Caching.getCachingProvider().getCacheManager(URI.create("memory:second"), null);
    }
  }

  @ApplicationScoped
  static class OneResolver implements TenantResolver {
    @Override
    public Optional<String> currentTenant() {
      return Optional.of("one");
    }
  }

  @ApplicationScoped
  static class OtherResolver implements TenantResolver {
    @Override
    public Optional<String> currentTenant() {
      return Optional.of("other");
    }
  }

  /** A well-formed bean with a custom factory that is not a bean but has a no-arg constructor. */
  @ApplicationScoped
  static class WellFormed {
    @CacheResult(cacheResolverFactory = PlainFactory.class)
    public String load(String id) {
      return id;
    }

    @CachePut
    public void save(String id, @CacheValue String value) {}

    @CacheRemoveAll
    public void clear() {}
  }

  public static class PlainFactory implements CacheResolverFactory {
    @Override
    public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
      return new CacheResolver() {
        @Override
        public <K, V> javax.cache.Cache<K, V> resolveCache(
            CacheInvocationContext<? extends Annotation> context) {
          return Caching.getCachingProvider().getCacheManager().getCache("plain");
        }
      };
    }

    @Override
    public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
      return getCacheResolver(details);
    }
  }
}

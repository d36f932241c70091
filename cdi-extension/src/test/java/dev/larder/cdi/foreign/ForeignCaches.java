package dev.larder.cdi.foreign;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/** Caches of another JCache provider: map-backed, and they cannot be unwrapped to Larder's. */
@ApplicationScoped
public class ForeignCaches implements CacheResolverFactory {

  private final Map<String, Map<Object, Object>> data = new ConcurrentHashMap<>();

  public Map<Object, Object> entries(String name) {
    return data.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
  }

  @Override
  public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
    String name = details.getCacheName();
    return new CacheResolver() {
      @Override
      public <K, V> Cache<K, V> resolveCache(CacheInvocationContext<? extends Annotation> context) {
        return foreign(name);
      }
    };
  }

  @Override
  public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
    throw new UnsupportedOperationException();
  }

  @SuppressWarnings("unchecked")
  private <K, V> Cache<K, V> foreign(String name) {
    Map<Object, Object> map = entries(name);
    return (Cache<K, V>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Cache.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "get" -> map.get(args[0]);
                  case "put" -> {
                    map.put(args[0], args[1]);
                    yield null;
                  }
                  case "getName" -> name;
                  case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                      yield proxy;
                    }
                    throw new IllegalArgumentException("a foreign cache is no " + args[0]);
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

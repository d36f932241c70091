package dev.larder.cdi.custom;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

@ApplicationScoped
@CacheDefaults(
    cacheResolverFactory = RegionResolverFactory.class,
    cacheKeyGenerator = CodeKeyGenerator.class)
public class Regions {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  @CacheResult(cacheName = "names")
  public String name(String code) {
    calls.incrementAndGet();
    return "region " + code;
  }

  @CachePut(cacheName = "names")
  public void rename(@CacheKey String code, @CacheValue String name) {}

  /**
   * Naming the interfaces themselves means "not set" (the spec's defaults), so @CacheDefaults
   * applies.
   */
  @CacheResult(
      cacheName = "plain-names",
      cacheResolverFactory = CacheResolverFactory.class,
      cacheKeyGenerator = CacheKeyGenerator.class)
  public String plainName(String code) {
    calls.incrementAndGet();
    return "plain " + code;
  }
}

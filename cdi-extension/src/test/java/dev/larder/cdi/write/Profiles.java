package dev.larder.cdi.write;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

@ApplicationScoped
@CacheDefaults(cacheName = "profiles")
public class Profiles {

  @CacheResult
  public String load(String id) {
    return "loaded " + id;
  }

  @CachePut
  public void save(String id, @CacheValue String profile) {}

  @CachePut
  public void saveOrFail(@CacheKey String id, @CacheValue String profile, boolean fail) {
    if (fail) {
      throw new IllegalStateException("save failed");
    }
  }

  @CachePut(cacheFor = UncheckedIOException.class)
  public void saveDespiteIoFailure(
      @CacheKey String id, @CacheValue String profile, RuntimeException failure) {
    throw failure;
  }

  @CachePut(afterInvocation = false)
  public void saveFirst(String id, @CacheValue String profile) {
    throw new IllegalStateException("fails after the put");
  }

  @CacheRemove
  public void delete(String id) {}

  @CacheRemove(noEvictFor = IllegalArgumentException.class, evictFor = RuntimeException.class)
  public void deleteOrFail(@CacheKey String id, RuntimeException failure) {
    throw failure;
  }

  @CacheRemoveAll
  public void deleteAll() {}

  @CacheRemoveAll(afterInvocation = false)
  public void deleteAllFirst() {
    throw new IllegalStateException("fails after the removal");
  }
}

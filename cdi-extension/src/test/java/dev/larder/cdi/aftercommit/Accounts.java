package dev.larder.cdi.aftercommit;

import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheValue;

@ApplicationScoped
@CacheDefaults(cacheName = "accounts")
public class Accounts {

  @CachePut
  public void update(String id, @CacheValue String balance) {}

  @CachePut(afterInvocation = false)
  public void updateFirst(String id, @CacheValue String balance) {}

  @CacheRemove
  public void evict(String id) {}

  @CacheRemoveAll
  public void evictAll() {}
}

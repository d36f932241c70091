package dev.larder.cdi.tenant;

import dev.larder.jcache.LarderCachingProvider;
import java.net.URI;
import javax.cache.CacheManager;

/** {@link TenantContract} on the in-memory store. */
class MemoryTenantTest extends TenantContract {

  @Override
  protected CacheManager openCacheManager() {
    return new LarderCachingProvider()
        .getCacheManager(URI.create("memory:default"), getClass().getClassLoader());
  }
}

package dev.larder.cdi.testing;

import dev.larder.cdi.LarderCacheExtension;
import dev.larder.jcache.LarderCache;
import java.util.HashMap;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/** Test helpers: a Weld with the extension, and a look into a tenant's entries. */
public final class Larder {

  private Larder() {}

  /** Weld without discovery, with the extension and {@code beans}. */
  public static Weld weld(Class<?>... beans) {
    return WeldInitiator.createWeld()
        .addExtension(new LarderCacheExtension())
        .addBeanClasses(beans);
  }

  /** The entries of {@code tenant} in cache {@code name}, or null when the cache does not exist. */
  public static Map<Object, Object> entries(CacheManager manager, String name, String tenant) {
    Cache<Object, Object> cache = manager.getCache(name);
    if (cache == null) {
      return null;
    }
    Map<Object, Object> entries = new HashMap<>();
    for (Cache.Entry<Object, Object> e : view(manager, name, tenant)) {
      entries.put(e.getKey(), e.getValue());
    }
    return entries;
  }

  /** Tenant {@code tenant}'s view of cache {@code name}. */
  @SuppressWarnings("unchecked")
  public static LarderCache<Object, Object> view(CacheManager manager, String name, String tenant) {
    Cache<Object, Object> cache = manager.getCache(name);
    return cache.unwrap(LarderCache.class).forTenant(tenant);
  }
}

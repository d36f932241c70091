package dev.larder.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantViewTest {

  private final LarderCachingProvider provider = new LarderCachingProvider();
  private final CacheManager manager = provider.getCacheManager();
  private final LarderCache<String, String> cache =
      manager
          .createCache("tenants", new MutableConfiguration<String, String>())
          .unwrap(LarderCache.class);

  @AfterEach
  void closeAll() {
    provider.close();
  }

  @Test
  void tenants_seeOnlyTheirOwnEntries() {
    cache.forTenant("acme").put("k", "acme's");
    cache.forTenant("globex").put("k", "globex's");
    cache.put("k", "global");
    assertEquals("acme's", cache.forTenant("acme").get("k"));
    assertEquals("globex's", cache.forTenant("globex").get("k"));
    assertEquals("global", cache.get("k"));
  }

  @Test
  void clear_ofOneTenant_leavesTheOthers() {
    cache.forTenant("acme").put("k", "a");
    cache.forTenant("globex").put("k", "g");
    cache.put("k", "global");
    cache.forTenant("acme").clear();
    assertNull(cache.forTenant("acme").get("k"));
    assertEquals("g", cache.forTenant("globex").get("k"));
    assertEquals("global", cache.get("k"));
  }

  @Test
  void anyString_isALegalTenantOrNamespace() {
    for (String name : new String[] {"", " ", "a:b", "x/y", "多租户", "a,b=c"}) {
      cache.forTenant(name).inNamespace(name).put("k", name);
    }
    for (String name : new String[] {" ", "a:b", "x/y", "多租户", "a,b=c"}) {
      assertEquals(name, cache.forTenant(name).inNamespace(name).get("k"));
    }
  }

  @Test
  void views_shareTheCacheLifecycle() {
    LarderCache<String, String> acme = cache.forTenant("acme");
    assertSame(acme, cache.forTenant("acme"));
    assertSame(cache, acme.forTenant(""));
    acme.close();
    assertTrue(cache.isClosed());
    assertThrows(IllegalStateException.class, () -> acme.get("k"));
  }

  @Test
  void destroyCache_removesEveryTenantsEntries() {
    cache.forTenant("acme").put("k", "a");
    manager.destroyCache("tenants");
    Cache<String, String> again = manager.createCache("tenants", new MutableConfiguration<>());
    assertNull(again.unwrap(LarderCache.class).forTenant("acme").get("k"));
  }
}

package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.ExtendedCache;
import java.time.Duration;
import java.util.List;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/** Tenant and namespace views: every operation confined to the view. */
public abstract class TenantContract extends ExtensionFixture {

  @Test
  void forTenant_entriesAreInvisibleToOtherTenantsAndTheGlobalScope() {
    ExtendedCache<String, String> cache = cache("tenants");
    cache.forTenant("acme").cache().put("k", "acme's");
    cache.forTenant("globex").cache().put("k", "globex's");

    assertEquals("acme's", cache.forTenant("acme").cache().get("k"));
    assertEquals("globex's", cache.forTenant("globex").cache().get("k"));
    assertNull(cache.cache().get("k"));
    assertFalse(cache.forTenant("initech").cache().containsKey("k"));
  }

  @Test
  void globalScope_staysUsableNextToTenants() {
    ExtendedCache<String, String> cache = cache("global");
    cache.cache().put("k", "global");
    cache.forTenant("acme").cache().put("k", "acme's");

    assertEquals("global", cache.cache().get("k"));
    cache.cache().remove("k");
    assertEquals("acme's", cache.forTenant("acme").cache().get("k"));
  }

  @Test
  void clear_ofATenantView_touchesNothingOutsideIt() {
    ExtendedCache<String, String> cache = cache("clearing");
    cache.cache().put("k", "global");
    cache.forTenant("acme").cache().put("k", "acme's");
    cache.forTenant("globex").cache().put("k", "globex's");
    cache.inNamespace("other app").cache().put("k", "other app's");

    cache.forTenant("acme").cache().clear();

    assertNull(cache.forTenant("acme").cache().get("k"));
    assertEquals("global", cache.cache().get("k"));
    assertEquals("globex's", cache.forTenant("globex").cache().get("k"));
    assertEquals("other app's", cache.inNamespace("other app").cache().get("k"));
  }

  @Test
  void anyString_isALegalTenantAndNamespace() {
    ExtendedCache<String, String> cache = cache("names");
    List<String> names =
        List.of("", " ", "a:b", "*", "?[x]", "{slot}", "%41", "ü漢字", "larder:x:y", "a\nb");
    for (String name : names) {
      cache.forTenant(name).cache().put("k", "tenant " + name);
      cache.inNamespace(name).cache().put("k", "namespace " + name);
    }
    for (String name : names) {
      assertEquals("tenant " + name, cache.forTenant(name).cache().get("k"), "[" + name + "]");
      assertEquals("namespace " + name, cache.inNamespace(name).cache().get("k"));
    }
  }

  @Test
  void iterator_ofATenantView_seesOnlyThatTenant() {
    ExtendedCache<String, String> cache = cache("iteration");
    cache.forTenant("acme").cache().put("a", "1");
    cache.forTenant("acme").cache().put("b", "2");
    cache.forTenant("globex").cache().put("c", "3");
    int count = 0;
    for (Cache.Entry<String, String> entry : cache.forTenant("acme").cache()) {
      assertTrue(List.of("a", "b").contains(entry.getKey()));
      count++;
    }
    assertEquals(2, count);
  }

  @Test
  void extensionWrites_ofATenantView_stayInIt() {
    ExtendedCache<String, String> cache = cache("ext writes");
    cache.forTenant("acme").putWithTtl("k", "v", Duration.ofMinutes(1));

    assertTrue(cache.forTenant("acme").metadata("k").isPresent());
    assertTrue(cache.forTenant("globex").metadata("k").isEmpty());
    assertTrue(cache.timeToLive("k").isEmpty());
  }

  @Test
  void tenantView_ofANamespaceView_isConfinedToBoth() {
    ExtendedCache<String, String> cache = cache("both");
    cache.inNamespace("app").forTenant("acme").cache().put("k", "v");

    assertEquals("v", cache.forTenant("acme").inNamespace("app").cache().get("k"));
    assertNull(cache.forTenant("acme").cache().get("k"));
    assertNull(cache.inNamespace("app").cache().get("k"));
  }
}

package dev.larder.cdi.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.NoTenantException;
import dev.larder.cdi.Tenants;
import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.Larder;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import javax.cache.CacheManager;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation through the annotations, the same on every backend: a backend's test extends
 * this class and opens a CacheManager on it (a fresh namespace per test).
 */
@EnableWeld
abstract class TenantContract {

  /** A CacheManager on the backend under test, whose caches start empty. */
  protected abstract CacheManager openCacheManager();

  private final CacheManager manager = openCacheManager();

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(
              Larder.weld(Notes.class, SharedNotes.class, Settings.class, RequestTenant.class))
          .addBeans(MockBean.of(manager, CacheManager.class))
          .build();

  @Inject Notes notes;
  @Inject SharedNotes shared;
  @Inject Settings settings;
  @Inject Tenants tenants;
  @Inject RequestContextController requests;
  @Inject RequestTenant requestTenant;

  @AfterEach
  void closeManager() {
    manager.getCachingProvider().close();
  }

  private <T> T inRequest(String tenant, Supplier<T> work) {
    requests.activate();
    try {
      requestTenant.set(tenant);
      return work.get();
    } finally {
      requests.deactivate();
    }
  }

  private Object entry(String cache, String tenant, Object... key) {
    return Larder.view(manager, cache, tenant).get(new ParameterKey(key));
  }

  @Test
  void sameKey_differentTenants_areKeptApart() {
    String acme = tenants.callAs("acme", () -> notes.note("1"));
    String globex = tenants.callAs("globex", () -> notes.note("1"));
    assertNotEquals(acme, globex);
    assertEquals(acme, tenants.callAs("acme", () -> notes.note("1")));
    assertEquals(globex, tenants.callAs("globex", () -> notes.note("1")));
    assertEquals(2, notes.calls());
    assertEquals(acme, entry("notes", "acme", "1"));
    assertEquals(globex, entry("notes", "globex", "1"));
    assertNull(entry("notes", "", "1"));
  }

  @Test
  void cachePutAndRemove_touchOnlyTheCurrentTenant() {
    tenants.runAs("acme", () -> notes.save("1", "acme's"));
    tenants.runAs("globex", () -> notes.save("1", "globex's"));
    tenants.runAs("acme", () -> notes.delete("1"));
    assertNull(entry("notes", "acme", "1"));
    assertEquals("globex's", entry("notes", "globex", "1"));
  }

  @Test
  void cacheRemoveAll_clearsOnlyTheCurrentTenantsEntries() {
    tenants.runAs("acme", () -> notes.save("1", "a1"));
    tenants.runAs("acme", () -> notes.save("2", "a2"));
    tenants.runAs("globex", () -> notes.save("1", "g1"));
    tenants.runAs("acme", notes::deleteAll);
    assertTrue(Larder.entries(manager, "notes", "acme").isEmpty());
    assertEquals("g1", entry("notes", "globex", "1"));
  }

  @Test
  void noTenantKnown_failsClearly_withoutCallingTheMethod() {
    NoTenantException e = assertThrows(NoTenantException.class, () -> notes.note("1"));
    assertTrue(e.getMessage().startsWith("LARDER-CDI-100: "), e.getMessage());
    assertTrue(e.getMessage().contains("dev.larder.cdi.tenant.Notes.note(java.lang.String)"));
    assertEquals(0, notes.calls());
    assertThrows(NoTenantException.class, notes::deleteAll);
  }

  @Test
  void requestScopedResolver_namesTheTenantOfTheRequest() {
    String acme = inRequest("acme", () -> notes.note("1"));
    assertEquals(acme, entry("notes", "acme", "1"));
    assertEquals(acme, inRequest("acme", () -> notes.note("1")));
    assertNotEquals(acme, inRequest("globex", () -> notes.note("1")));
    assertEquals(2, notes.calls());
  }

  @Test
  void requestWithoutATenant_failsClearly() {
    assertThrows(NoTenantException.class, () -> inRequest(null, () -> notes.note("1")));
  }

  @Test
  void runAs_takesPrecedenceOverTheResolver_andNests() {
    inRequest(
        "acme",
        () -> {
          tenants.runAs(
              "batch",
              () -> {
                notes.save("1", "batch's");
                tenants.runAs("inner", () -> notes.save("1", "inner's"));
                notes.save("2", "batch's again");
              });
          notes.save("3", "acme's");
          return null;
        });
    assertEquals("batch's", entry("notes", "batch", "1"));
    assertEquals("batch's again", entry("notes", "batch", "2"));
    assertEquals("inner's", entry("notes", "inner", "1"));
    assertEquals("acme's", entry("notes", "acme", "3"));
  }

  @Test
  void globalCacheClass_sharesEntriesAcrossTenants_andNeedsNoTenant() {
    String first = tenants.callAs("acme", () -> shared.note("1"));
    assertEquals(first, tenants.callAs("globex", () -> shared.note("1")));
    assertEquals(first, shared.note("1"));
    assertEquals(1, shared.calls());
    assertEquals(first, entry("shared", "", "1"));
  }

  @Test
  void globalCacheMethod_isSharedWhileItsNeighbourIsPerTenant() {
    String system = tenants.callAs("acme", () -> settings.systemSetting("tz"));
    assertEquals(system, tenants.callAs("globex", () -> settings.systemSetting("tz")));
    String acme = tenants.callAs("acme", () -> settings.tenantSetting("tz"));
    String globex = tenants.callAs("globex", () -> settings.tenantSetting("tz"));
    assertNotEquals(acme, globex);
    assertEquals(system, entry("settings", "", "tz"));
    assertEquals(acme, entry("settings", "acme", "tz"));
  }

  @Test
  void globalRemoveAll_leavesTenantEntriesAlone() {
    shared.note("1");
    tenants.runAs("acme", () -> notes.save("1", "acme's"));
    shared.deleteAll();
    assertNull(entry("shared", "", "1"));
    assertEquals("acme's", entry("notes", "acme", "1"));
  }

  @Test
  void anyString_isALegalTenant() {
    for (String tenant : new String[] {" ", "a:b", "x/y", "a,b=c", "多租户"}) {
      tenants.runAs(tenant, () -> notes.save("1", tenant));
    }
    for (String tenant : new String[] {" ", "a:b", "x/y", "a,b=c", "多租户"}) {
      assertEquals(tenant, entry("notes", tenant, "1"));
    }
  }
}

package dev.larder.cdi.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** A cache of another provider cannot keep tenants apart: tenant-scoped use fails clearly. */
@EnableWeld
class ForeignCacheTest {

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(Larder.weld(Legacy.class, ForeignCaches.class, FixedTenant.class)).build();

  @Inject Legacy legacy;
  @Inject ForeignCaches caches;

  @Test
  void tenantScopedMethod_onAForeignCache_failsWithoutCallingTheMethod() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> legacy.perTenant("1"));
    assertTrue(e.getMessage().startsWith("LARDER-CDI-101: cache 'legacy'"), e.getMessage());
    assertTrue(e.getMessage().contains("@GlobalCache"), e.getMessage());
    assertEquals(0, legacy.calls());
    assertTrue(caches.entries("legacy").isEmpty());
  }

  @Test
  void globalMethod_worksOnAForeignCache() {
    assertEquals("shared 1", legacy.shared("1"));
    assertEquals("shared 1", legacy.shared("1"));
    assertEquals(1, legacy.calls());
    assertEquals(Map.of(new ParameterKey("1"), "shared 1"), caches.entries("legacy"));
  }
}

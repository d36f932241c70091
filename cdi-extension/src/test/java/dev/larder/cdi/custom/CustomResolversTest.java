package dev.larder.cdi.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larder.cdi.custom.CodeKeyGenerator.CodeKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import jakarta.inject.Inject;
import java.util.Map;
import javax.cache.CacheManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class CustomResolversTest {

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(
              Larder.weld(
                  Regions.class,
                  RegionResolverFactory.class,
                  TestCacheManager.class,
                  FixedTenant.class))
          .build();

  @Inject Regions regions;
  @Inject RegionResolverFactory factory;
  @Inject CacheManager manager;

  @Test
  void cacheDefaults_customFactoryAndGenerator_areUsed() {
    assertEquals("region eu", regions.name("eu"));
    assertEquals("region eu", regions.name("EU"));
    assertEquals(1, regions.calls());
    assertNull(manager.getCache("names"));
    assertEquals(
        Map.of(new CodeKey("EU"), "region eu"),
        Larder.entries(manager, "region-names", FixedTenant.DEFAULT));
  }

  @Test
  void customResolvedCaches_areStillScopedToTheTenant() {
    regions.name("eu");
    assertNull(Larder.view(manager, "region-names", "").get(new CodeKey("EU")));
    assertNull(Larder.view(manager, "region-names", "other").get(new CodeKey("EU")));
  }

  @Test
  void customFactory_isABean_askedOncePerMethod() {
    for (int i = 0; i < 5; i++) {
      regions.name("eu" + i);
      regions.rename("eu" + i, "renamed");
    }
    assertEquals(2, factory.resolversMade());
    assertEquals(
        "renamed",
        Larder.view(manager, "region-names", FixedTenant.DEFAULT).get(new CodeKey("EU3")));
  }

  @Test
  void annotationNamingTheInterfaces_meansUnset_soCacheDefaultsApply() {
    regions.plainName("eu");
    regions.plainName("EU");
    assertEquals(1, regions.calls());
    assertEquals(
        Map.of(new CodeKey("EU"), "plain eu"),
        Larder.entries(manager, "region-plain-names", FixedTenant.DEFAULT));
  }
}

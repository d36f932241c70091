package dev.larder.cdi.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larder.cdi.LarderCacheExtension;
import dev.larder.cdi.Tenants;
import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import javax.cache.CacheManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys an application archive to embedded Weld the way a container would: the application's
 * classes, a beans.xml that enables no interceptors, and larder-cdi's extension found through
 * {@code META-INF/services}.
 */
@ExtendWith(ArquillianExtension.class)
class ArchiveDeploymentTest {

  @Deployment
  static JavaArchive application() {
    return ShrinkWrap.create(JavaArchive.class, "inventory.jar")
        .addClasses(Inventory.class, FixedTenant.class, TestCacheManager.class, Larder.class)
        .addAsManifestResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml")
        .addAsServiceProvider(Extension.class, LarderCacheExtension.class);
  }

  @Inject Inventory inventory;
  @Inject Tenants tenants;
  @Inject CacheManager manager;

  @Test
  void deployedBeans_areInterceptedPerTenant() {
    Integer acme = inventory.stock("sku-1");
    assertEquals(acme, inventory.stock("sku-1"));
    Integer globex = tenants.callAs("globex", () -> inventory.stock("sku-1"));
    assertNotEquals(acme, globex);
    assertEquals(2, inventory.counts());
    assertEquals(
        acme,
        Larder.view(manager, "inventory", FixedTenant.DEFAULT).get(new ParameterKey("sku-1")));

    inventory.recount();
    assertNull(
        Larder.view(manager, "inventory", FixedTenant.DEFAULT).get(new ParameterKey("sku-1")));
    assertEquals(
        globex, Larder.view(manager, "inventory", "globex").get(new ParameterKey("sku-1")));
  }
}

package dev.larder.cdi.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.Tenants;
import dev.larder.cdi.internal.cdi.CacheInterception;
import dev.larder.cdi.internal.cdi.CacheResultInterceptor;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * When a container also discovers larder-cdi's own classes (an implicit bean archive, or an
 * application that lists them), the scanned copies are vetoed: each bean and interceptor exists
 * once.
 */
class ScannedLibraryClassesTest {

  @Test
  void larderClassesFoundByDiscovery_areVetoed_soEachExistsOnce() throws Exception {
    try (WeldContainer container =
        Larder.weld(
                Counter.class,
                TestCacheManager.class,
                Tenants.class,
                CacheInterception.class,
                CacheResultInterceptor.class)
            .initialize()) {
      assertTrue(container.select(Tenants.class).isResolvable());
      BeanManager beans = container.getBeanManager();
      CacheResult binding =
          Counter.class.getMethod("next", String.class).getAnnotation(CacheResult.class);
      assertEquals(1, beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding).size());
      Counter counter = container.select(Counter.class).get();
      assertEquals(counter.next("a"), counter.next("a"));
    }
  }
}

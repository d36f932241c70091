package dev.larder.cdi.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's CacheManager bean when there is one, else the default provider's manager. */
class CacheManagerChoiceTest {

  private final CacheManager defaultManager = Caching.getCachingProvider().getCacheManager();

  @AfterEach
  void dropTheCache() {
    defaultManager.destroyCache(Greeter.CACHE);
  }

  @Test
  void withoutACacheManagerBean_theDefaultProvidersManagerIsUsed() {
    try (WeldContainer container = Larder.weld(Greeter.class).initialize()) {
      container.select(Greeter.class).get().greet("ann");
    }
    assertEquals("hello ann", defaultManager.getCache(Greeter.CACHE).get(new ParameterKey("ann")));
  }

  @Test
  void anApplicationCacheManagerBean_isUsedInstead() {
    try (WeldContainer container =
        Larder.weld(Greeter.class, TestCacheManager.class).initialize()) {
      container.select(Greeter.class).get().greet("ann");
      CacheManager produced = container.select(CacheManager.class).get();
      assertEquals("hello ann", produced.getCache(Greeter.CACHE).get(new ParameterKey("ann")));
    }
    assertNull(defaultManager.getCache(Greeter.CACHE));
  }
}

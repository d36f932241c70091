package dev.larder.cdi.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.internal.ParameterKey;
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
class CacheResultTest {

  static final String TENANT = FixedTenant.DEFAULT;

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(
              Larder.weld(Catalog.class, Shelf.class, TestCacheManager.class, FixedTenant.class))
          .build();

  @Inject Catalog catalog;
  @Inject Shelf shelf;
  @Inject CacheManager manager;

  @Test
  void cacheResult_secondCall_isServedFromTheCache() {
    assertEquals("title of 1", catalog.title("1"));
    assertEquals("title of 1", catalog.title("1"));
    assertEquals(1, catalog.calls());
  }

  @Test
  void defaultCacheName_isDeclaringClassMethodAndParameterTypes() {
    catalog.title("1");
    Map<Object, Object> entries =
        Larder.entries(manager, "dev.larder.cdi.result.Catalog.title(java.lang.String)", TENANT);
    assertEquals(Map.of(new ParameterKey("1"), "title of 1"), entries);
  }

  @Test
  void cacheKey_onlyMarkedParametersFormTheKey() {
    assertEquals(10, catalog.price("EUR", "1"));
    assertEquals(10, catalog.price("USD", "1"));
    assertEquals(1, catalog.calls());
    assertEquals(Map.of(new ParameterKey("1"), 10), Larder.entries(manager, "prices", TENANT));
  }

  @Test
  void nullResult_isNotCached() {
    assertEquals(null, catalog.price("EUR", "unknown"));
    assertEquals(null, catalog.price("EUR", "unknown"));
    assertEquals(2, catalog.calls());
    assertTrue(Larder.entries(manager, "prices", TENANT).isEmpty());
  }

  @Test
  void skipGet_alwaysInvokesAndCachesTheNewResult() {
    assertEquals(1, catalog.refreshStock("1"));
    assertEquals(2, catalog.refreshStock("1"));
    assertEquals(2, catalog.calls());
    assertEquals(Map.of(new ParameterKey("1"), 2), Larder.entries(manager, "stock", TENANT));
  }

  @Test
  void exceptionCache_rethrowsACachedExceptionWithoutCallingTheMethod() {
    IllegalArgumentException first =
        assertThrows(IllegalArgumentException.class, () -> catalog.edition(""));
    IllegalArgumentException second =
        assertThrows(IllegalArgumentException.class, () -> catalog.edition(""));
    assertEquals(1, catalog.calls());
    assertEquals(first.getMessage(), second.getMessage());
    assertNotNull(Larder.view(manager, "edition-failures", TENANT).get(new ParameterKey("")));
  }

  @Test
  void exceptionCache_doesNotCacheNonCachedExceptions() {
    assertThrows(NumberFormatException.class, () -> catalog.edition("x"));
    assertThrows(NumberFormatException.class, () -> catalog.edition("x"));
    assertEquals(2, catalog.calls());
    assertTrue(Larder.entries(manager, "edition-failures", TENANT).isEmpty());
  }

  @Test
  void exceptionCache_successfulResultsGoToTheResultCache() {
    assertEquals(3, catalog.edition("3"));
    assertEquals(3, catalog.edition("3"));
    assertEquals(1, catalog.calls());
    assertEquals(Map.of(new ParameterKey("3"), 3), Larder.entries(manager, "editions", TENANT));
  }

  @Test
  void cacheDefaults_cacheNameAppliesToTheClassMethods() {
    assertEquals("shelf 4", shelf.label(4));
    assertEquals("shelf 4", shelf.label(4));
    assertEquals(1, shelf.calls());
    assertEquals(Map.of(new ParameterKey(4), "shelf 4"), Larder.entries(manager, "shelf", TENANT));
  }
}

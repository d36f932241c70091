package dev.larder.cdi.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import dev.larder.jcache.LarderCache;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.cache.CacheManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class CacheWritesTest {

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(Larder.weld(Profiles.class, TestCacheManager.class, FixedTenant.class))
          .build();

  @Inject Profiles profiles;
  @Inject CacheManager manager;

  private LarderCache<Object, Object> cache() {
    return Larder.view(manager, "profiles", FixedTenant.DEFAULT);
  }

  @Test
  void cachePut_storesTheCacheValueUnderTheOtherParameters() {
    profiles.save("7", "ann");
    assertEquals(
        Map.of(new ParameterKey("7"), "ann"),
        Larder.entries(manager, "profiles", FixedTenant.DEFAULT));
    assertEquals("ann", profiles.load("7"));
  }

  @Test
  void cachePut_nullValue_isNotStored() {
    profiles.save("7", null);
    assertTrue(Larder.entries(manager, "profiles", FixedTenant.DEFAULT).isEmpty());
  }

  @Test
  void cachePut_withCacheKey_usesOnlyTheKeyParameters() {
    profiles.saveOrFail("7", "ann", false);
    assertEquals("ann", cache().get(new ParameterKey("7")));
  }

  @Test
  void cachePut_whenTheMethodThrows_doesNotStoreByDefault() {
    assertThrows(IllegalStateException.class, () -> profiles.saveOrFail("7", "ann", true));
    assertNull(cache().get(new ParameterKey("7")));
  }

  @Test
  void cachePut_cacheFor_storesDespiteAMatchingException() {
    RuntimeException io = new UncheckedIOException(new IOException("disk"));
    assertThrows(UncheckedIOException.class, () -> profiles.saveDespiteIoFailure("7", "ann", io));
    assertEquals("ann", cache().get(new ParameterKey("7")));
    RuntimeException other = new IllegalStateException("other");
    assertThrows(
        IllegalStateException.class, () -> profiles.saveDespiteIoFailure("8", "bob", other));
    assertNull(cache().get(new ParameterKey("8")));
  }

  @Test
  void cachePut_beforeInvocation_storesEvenIfTheMethodThrows() {
    assertThrows(IllegalStateException.class, () -> profiles.saveFirst("7", "ann"));
    assertEquals("ann", cache().get(new ParameterKey("7")));
  }

  @Test
  void cacheRemove_removesTheEntryOfTheKey() {
    profiles.save("7", "ann");
    profiles.save("8", "bob");
    profiles.delete("7");
    assertEquals(
        Map.of(new ParameterKey("8"), "bob"),
        Larder.entries(manager, "profiles", FixedTenant.DEFAULT));
  }

  @Test
  void cacheRemove_evictForAndNoEvictFor_decideOnExceptions() {
    profiles.save("7", "ann");
    assertThrows(
        IllegalArgumentException.class,
        () -> profiles.deleteOrFail("7", new IllegalArgumentException("kept")));
    assertEquals("ann", cache().get(new ParameterKey("7")));
    assertThrows(
        IllegalStateException.class,
        () -> profiles.deleteOrFail("7", new IllegalStateException("evicted")));
    assertNull(cache().get(new ParameterKey("7")));
  }

  @Test
  void cacheRemoveAll_removesEveryEntry() {
    profiles.save("7", "ann");
    profiles.save("8", "bob");
    profiles.deleteAll();
    assertTrue(Larder.entries(manager, "profiles", FixedTenant.DEFAULT).isEmpty());
  }

  @Test
  void cacheRemoveAll_beforeInvocation_removesEvenIfTheMethodThrows() {
    profiles.save("7", "ann");
    assertThrows(IllegalStateException.class, () -> profiles.deleteAllFirst());
    assertTrue(Larder.entries(manager, "profiles", FixedTenant.DEFAULT).isEmpty());
  }
}

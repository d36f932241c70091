package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.Memoizer;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** A plain function whose results are cached by argument, per tenant. */
public abstract class MemoizerContract extends ExtensionFixture {

  private final AtomicInteger calls = new AtomicInteger();

  private String slowUpperCase(String argument) {
    calls.incrementAndGet();
    return argument.equals("null") ? null : argument.toUpperCase(java.util.Locale.ROOT);
  }

  @Test
  void apply_computesOnce_thenServesTheCachedResult() {
    Memoizer<String, String> upper = cache("memo").memoize(this::slowUpperCase);
    assertFalse(upper.isCached("a"));
    assertEquals("A", upper.apply("a"));
    assertEquals("A", upper.apply("a"));
    assertEquals(1, calls.get());
    assertTrue(upper.isCached("a"));
  }

  @Test
  void evict_forgetsTheResult() {
    Memoizer<String, String> upper = cache("evict").memoize(this::slowUpperCase);
    upper.apply("a");
    assertTrue(upper.evict("a"));
    assertFalse(upper.isCached("a"));
    assertFalse(upper.evict("a"));
    upper.apply("a");
    assertEquals(2, calls.get());
  }

  @Test
  void nullResults_areReturnedButNotCached() {
    Memoizer<String, String> upper = cache("nulls").memoize(this::slowUpperCase);
    assertNull(upper.apply("null"));
    assertFalse(upper.isCached("null"));
    assertNull(upper.apply("null"));
    assertEquals(2, calls.get());
  }

  @Test
  void forTenant_cachesPerTenant() {
    ExtendedCache<String, String> cache = cache("tenants");
    Memoizer<String, String> upper = Memoizer.of(cache.cache(), this::slowUpperCase);
    upper.forTenant("acme").apply("a");

    assertTrue(upper.forTenant("acme").isCached("a"));
    assertFalse(upper.forTenant("globex").isCached("a"));
    assertFalse(upper.isCached("a"));
    upper.forTenant("globex").apply("a");
    assertEquals(2, calls.get());
  }

  @Test
  void cachedResult_isSharedWithAnotherProvider() {
    Memoizer<String, String> upper = cache("shared").memoize(this::slowUpperCase);
    upper.apply("a");
    // a memory backend keeps data per manager, so there the peer is the same manager
    Cache<String, String> peerCache =
        remote()
            ? peer()
                .createCache(
                    "shared",
                    new MutableConfiguration<String, String>().setTypes(String.class, String.class))
            : manager().getCache("shared", String.class, String.class);
    Memoizer<String, String> peerUpper = Memoizer.of(peerCache, this::slowUpperCase);
    assertTrue(peerUpper.isCached("a"));
    assertEquals("A", peerUpper.apply("a"));
    assertEquals(1, calls.get());
  }
}

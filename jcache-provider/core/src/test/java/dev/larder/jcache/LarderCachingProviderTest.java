package dev.larder.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LarderCachingProviderTest {

  private final LarderCachingProvider provider = new LarderCachingProvider();

  @AfterEach
  void closeAll() {
    provider.close();
  }

  @Test
  void serviceLoader_findsLarder() {
    CachingProvider found = Caching.getCachingProvider();
    assertTrue(found instanceof LarderCachingProvider, found.getClass().getName());
  }

  @Test
  void defaultUri_withoutConfiguration_isMemory() {
    assertEquals(URI.create("memory:default"), provider.getDefaultURI());
  }

  @Test
  void defaultUri_fromSystemProperty_wins() {
    System.setProperty("larder.uri", "memory:?maximumSize=5");
    try {
      assertEquals(URI.create("memory:?maximumSize=5"), provider.getDefaultURI());
    } finally {
      System.clearProperty("larder.uri");
    }
  }

  @Test
  void getCacheManager_sameUriAndLoader_isSameManager_untilClosed() {
    CacheManager first = provider.getCacheManager();
    assertSame(first, provider.getCacheManager());
    first.close();
    CacheManager second = provider.getCacheManager();
    assertNotSame(first, second);
    assertFalse(second.isClosed());
  }

  @Test
  void getCacheManager_unknownScheme_namesTheArtifactToAdd() {
    CacheException e =
        assertThrows(
            CacheException.class,
            () -> provider.getCacheManager(URI.create("redis://localhost:1"), null));
    assertTrue(e.getMessage().contains("dev.larder:larder-jcache-redis"), e.getMessage());
  }

  @Test
  void errors_neverShowThePassword() {
    CacheException e =
        assertThrows(
            CacheException.class,
            () ->
                provider.getCacheManager(
                    URI.create("redis://app:s3cret-pass@localhost:1"), null, new Properties()));
    assertFalse(e.getMessage().contains("s3cret-pass"), e.getMessage());
  }

  @Test
  void uriMaximumSize_boundsEveryCache() {
    CacheManager manager = provider.getCacheManager(URI.create("memory:?maximumSize=10"), null);
    Cache<Integer, Integer> cache =
        manager.createCache("bounded", new MutableConfiguration<Integer, Integer>());
    for (int i = 0; i < 1_000; i++) {
      cache.put(i, i);
    }
    // Caffeine evicts in its maintenance cycle, soon after the writes: wait for it, boundedly
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    int size;
    do {
      size = 0;
      for (Cache.Entry<Integer, Integer> ignored : cache) {
        size++;
      }
    } while (size > 10 && System.nanoTime() < deadline);
    assertTrue(size <= 10, "a cache bounded to 10 kept " + size + " entries");
  }

  @Test
  void uriMaximumSize_notANumber_isRejectedWithTheParameterName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> provider.getCacheManager(URI.create("memory:?maximumSize=lots"), null));
    assertTrue(e.getMessage().contains("maximumSize"), e.getMessage());
  }

  @Test
  void unwrap_givesLarderTypes() {
    CacheManager manager = provider.getCacheManager();
    Cache<String, String> cache = manager.createCache("unwrap", new MutableConfiguration<>());
    assertSame(provider, provider.getCacheManager().getCachingProvider());
    assertSame(manager, manager.unwrap(LarderCacheManager.class));
    assertSame(cache, cache.unwrap(LarderCache.class));
    assertThrows(IllegalArgumentException.class, () -> cache.unwrap(String.class));
  }

  @Test
  void closedCache_rejectsOperations() {
    CacheManager manager = provider.getCacheManager();
    Cache<String, String> cache = manager.createCache("closing", new MutableConfiguration<>());
    cache.close();
    assertTrue(cache.isClosed());
    assertThrows(IllegalStateException.class, () -> cache.get("k"));
    assertThrows(IllegalStateException.class, () -> cache.put("k", "v"));
  }

  @Test
  void closedManager_rejectsEvenGetCacheNames() {
    CacheManager manager = provider.getCacheManager();
    manager.close();
    assertThrows(IllegalStateException.class, manager::getCacheNames);
    assertThrows(
        IllegalStateException.class, () -> manager.createCache("x", new MutableConfiguration<>()));
  }
}

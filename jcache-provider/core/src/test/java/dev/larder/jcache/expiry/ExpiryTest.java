package dev.larder.jcache.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry measured against an injected clock: no test sleeps. */
class ExpiryTest {

  private static final javax.cache.expiry.Duration TEN_SECONDS =
      new javax.cache.expiry.Duration(TimeUnit.SECONDS, 10);

  private final ManualClock clock = ManualClock.create();
  private final LarderCachingProvider provider = new LarderCachingProvider(clock);
  private final CacheManager manager = provider.getCacheManager();

  @AfterEach
  void closeAll() {
    provider.close();
  }

  private Cache<String, String> cache(
      String name, javax.cache.configuration.Factory<javax.cache.expiry.ExpiryPolicy> policy) {
    return manager.createCache(
        name, new MutableConfiguration<String, String>().setExpiryPolicyFactory(policy));
  }

  @Test
  void get_afterCreationExpiry_misses() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");
    clock.advance(Duration.ofSeconds(9));
    assertEquals("v", cache.get("k"));
    clock.advance(Duration.ofSeconds(1));
    assertNull(cache.get("k"));
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void get_withAccessedExpiry_extendsTheEntry() {
    Cache<String, String> cache = cache("accessed", AccessedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(8));
      assertEquals("v", cache.get("k"));
    }
    clock.advance(Duration.ofSeconds(10));
    assertNull(cache.get("k"));
  }

  @Test
  void put_withModifiedExpiry_restartsTheClock_butGetDoesNot() {
    Cache<String, String> cache = cache("modified", ModifiedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v1");
    clock.advance(Duration.ofSeconds(8));
    cache.put("k", "v2");
    clock.advance(Duration.ofSeconds(8));
    assertEquals("v2", cache.get("k"));
    clock.advance(Duration.ofSeconds(2));
    assertNull(cache.get("k"));
  }

  @Test
  void put_withZeroCreationExpiry_doesNotAdd() {
    Cache<String, String> cache =
        cache("zero", CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ZERO));
    cache.put("k", "v");
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void putIfAbsent_whenExpired_storesValue() {
    Cache<String, String> cache = cache("pia", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "old");
    clock.advance(Duration.ofSeconds(11));
    assertTrue(cache.putIfAbsent("k", "new"));
    assertEquals("new", cache.get("k"));
  }

  @Test
  void expiredEntry_firesExpiredEventWithOldValue_whenDiscovered() {
    List<String> expired = new CopyOnWriteArrayList<>();
    Cache<String, String> cache = cache("events", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.registerCacheEntryListener(
        new MutableCacheEntryListenerConfiguration<String, String>(
            FactoryBuilder.factoryOf(new Recorder(expired)), null, true, true));
    cache.put("k", "v");
    clock.advance(Duration.ofSeconds(10));
    assertNull(cache.get("k"));
    assertEquals(List.of("k=v"), expired);
  }

  /** Records expired events as key=oldValue. */
  static final class Recorder
      implements CacheEntryExpiredListener<String, String>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final transient List<String> seen;

    Recorder(List<String> seen) {
      this.seen = seen;
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      events.forEach(e -> seen.add(e.getKey() + "=" + e.getOldValue()));
    }
  }
}

package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.EntryMetadata;
import dev.larder.jcache.ext.ExtendedCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.Test;

/** Per-entry TTL: on put and putIfAbsent, refreshed in place, read back. */
public abstract class TtlContract extends ExtensionFixture {

  @Test
  void putWithTtl_entryExpiresAfterItsTtl() {
    ExtendedCache<String, String> cache = cache("ttl");
    cache.putWithTtl("k", "v", Duration.ofSeconds(10));

    clock().advance(Duration.ofSeconds(9));
    assertEquals("v", cache.cache().get("k"));
    clock().advance(Duration.ofSeconds(1));
    assertNull(cache.cache().get("k"));
  }

  @Test
  void putWithTtl_overridesTheExpiryPolicyForThatEntry() {
    MutableConfiguration<String, String> configuration = new MutableConfiguration<>();
    configuration.setExpiryPolicyFactory(
        CreatedExpiryPolicy.factoryOf(
            new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.HOURS, 1)));
    ExtendedCache<String, String> cache = cache("policy", configuration);
    cache.putWithTtl("short", "v", Duration.ofSeconds(5));
    cache.cache().put("policy", "v");

    clock().advance(Duration.ofSeconds(5));
    assertNull(cache.cache().get("short"));
    assertEquals("v", cache.cache().get("policy"));
  }

  @Test
  void putWithTtl_overALiveEntry_replacesItAndItsExpiry() {
    ExtendedCache<String, String> cache = cache("replace");
    cache.cache().put("k", "eternal");
    cache.putWithTtl("k", "short", Duration.ofSeconds(2));

    assertEquals("short", cache.cache().get("k"));
    clock().advance(Duration.ofSeconds(2));
    assertFalse(cache.cache().containsKey("k"));
  }

  @Test
  void putIfAbsentWithTtl_whenAbsent_storesWithTtl() {
    ExtendedCache<String, String> cache = cache("absent");
    assertTrue(cache.putIfAbsentWithTtl("k", "v", Duration.ofSeconds(3)));
    assertEquals(Optional.of(Duration.ofSeconds(3)), cache.timeToLive("k"));
  }

  @Test
  void putIfAbsentWithTtl_whenPresent_keepsTheEntryAndItsExpiry() {
    ExtendedCache<String, String> cache = cache("present");
    cache.cache().put("k", "first");
    assertFalse(cache.putIfAbsentWithTtl("k", "second", Duration.ofSeconds(3)));

    assertEquals("first", cache.cache().get("k"));
    assertEquals(Optional.of(ExtendedCache.ETERNAL), cache.timeToLive("k"));
  }

  @Test
  void putIfAbsentWithTtl_whenExpired_storesAnew() {
    ExtendedCache<String, String> cache = cache("expired");
    cache.putWithTtl("k", "old", Duration.ofSeconds(1));
    clock().advance(Duration.ofSeconds(1));

    assertTrue(cache.putIfAbsentWithTtl("k", "new", Duration.ofSeconds(1)));
    assertEquals("new", cache.cache().get("k"));
  }

  @Test
  void refreshTtl_extendsALiveEntryWithoutRewritingIt() {
    ExtendedCache<String, String> cache = cache("refresh");
    cache.as("writer").putWithTtl("k", "v", Duration.ofSeconds(5));
    EntryMetadata<String> before = cache.metadata("k").orElseThrow();
    clock().advance(Duration.ofSeconds(4));

    assertTrue(cache.refreshTtl("k", Duration.ofSeconds(10)));

    clock().advance(Duration.ofSeconds(9));
    assertEquals("v", cache.cache().get("k"));
    EntryMetadata<String> after = cache.metadata("k").orElseThrow();
    assertEquals(before.writtenAt(), after.writtenAt());
    assertEquals("writer", after.writtenBy());
    clock().advance(Duration.ofSeconds(1));
    assertNull(cache.cache().get("k"));
  }

  @Test
  void refreshTtl_givesAnEternalEntryAnExpiry() {
    ExtendedCache<String, String> cache = cache("refresh eternal");
    cache.cache().put("k", "v");
    assertTrue(cache.refreshTtl("k", Duration.ofSeconds(1)));
    clock().advance(Duration.ofSeconds(1));
    assertNull(cache.cache().get("k"));
  }

  @Test
  void refreshTtl_whenAbsentOrExpired_returnsFalseAndStoresNothing() {
    ExtendedCache<String, String> cache = cache("refresh absent");
    assertFalse(cache.refreshTtl("absent", Duration.ofSeconds(1)));
    cache.putWithTtl("k", "v", Duration.ofSeconds(1));
    clock().advance(Duration.ofSeconds(1));
    assertFalse(cache.refreshTtl("k", Duration.ofSeconds(1)));
    assertFalse(cache.cache().containsKey("absent"));
    assertFalse(cache.cache().containsKey("k"));
  }

  @Test
  void timeToLive_countsDownWithTheClock() {
    ExtendedCache<String, String> cache = cache("time left");
    cache.putWithTtl("k", "v", Duration.ofMinutes(2));
    clock().advance(Duration.ofSeconds(30));
    assertEquals(Optional.of(Duration.ofSeconds(90)), cache.timeToLive("k"));
  }

  @Test
  void timeToLive_ofAnEternalEntry_isEternal_andOfNoEntry_isEmpty() {
    ExtendedCache<String, String> cache = cache("eternal");
    cache.cache().put("k", "v");
    assertEquals(Optional.of(ExtendedCache.ETERNAL), cache.timeToLive("k"));
    assertEquals(Optional.empty(), cache.timeToLive("absent"));
  }

  @Test
  void zeroOrNegativeTtl_isRefusedAndNothingIsLost() {
    ExtendedCache<String, String> cache = cache("bad ttl");
    cache.cache().put("k", "kept");
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> cache.putWithTtl("k", "lost", bad));
      assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> cache.putIfAbsentWithTtl("n", "v", bad));
      assertThrows(IllegalArgumentException.class, () -> cache.refreshTtl("k", bad));
    }
    assertEquals("kept", cache.cache().get("k"));
    assertEquals(Optional.of(ExtendedCache.ETERNAL), cache.timeToLive("k"));
    assertFalse(cache.cache().containsKey("n"));
  }

  @Test
  void putWithTtl_isAJCacheWrite_listenersAndTheWriterHearOfIt() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Recorder recorder = new Recorder(heard);
    MutableConfiguration<String, String> configuration = new MutableConfiguration<>();
    configuration.setWriteThrough(true);
    configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(recorder));
    configuration.addCacheEntryListenerConfiguration(
        new MutableCacheEntryListenerConfiguration<>(
            new FactoryBuilder.SingletonFactory<>(recorder), null, true, true));
    ExtendedCache<String, String> cache = cache("events", configuration);

    cache.putWithTtl("k", "1", Duration.ofSeconds(5));
    cache.putWithTtl("k", "2", Duration.ofSeconds(5));
    assertFalse(cache.putIfAbsentWithTtl("k", "3", Duration.ofSeconds(5)));
    assertTrue(cache.putIfAbsentWithTtl("n", "4", Duration.ofSeconds(5)));

    assertEquals(
        List.of("write k=1", "CREATED k=1", "write k=2", "UPDATED k=2", "write n=4", "CREATED n=4"),
        heard);
  }

  /** A cache writer and a created/updated listener that note what they hear. */
  private static final class Recorder
      implements CacheWriter<String, String>,
          CacheEntryCreatedListener<String, String>,
          CacheEntryUpdatedListener<String, String> {

    private final List<String> heard;

    Recorder(List<String> heard) {
      this.heard = heard;
    }

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      heard.add("write " + entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      entries.forEach(this::write);
    }

    @Override
    public void delete(Object key) {
      heard.add("delete " + key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      events.forEach(e -> heard.add("CREATED " + e.getKey() + "=" + e.getValue()));
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      events.forEach(e -> heard.add("UPDATED " + e.getKey() + "=" + e.getValue()));
    }
  }
}

package dev.larder.jcache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoreSettings;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the memory store adds to the store contract (which store-tck checks): bounded size,
 * reclaiming expired entries on its own, running {@code compute} once. The contract itself runs in
 * store-tck's {@code MemoryStoreContractTest}.
 */
class MemoryStoreTest {

  private static final Partition PARTITION = Partition.of("memory test");
  private static final long RECLAIM_DELAY = MemoryBackend.DEFAULT_RECLAIM_DELAY.toMillis();

  /** More than the span of the smallest bucket of Caffeine's timer wheel (2^30 ns). */
  private static final long WHEEL_BUCKET = 2_000;

  private final ManualClock clock = ManualClock.create();
  private final List<MemoryBackend> backends = new ArrayList<>();

  @AfterEach
  void closeBackends() {
    backends.forEach(MemoryBackend::close);
  }

  private MemoryBackend backend(Clock backendClock, Duration reclaimDelay) {
    MemoryBackend backend = new MemoryBackend(backendClock, reclaimDelay);
    backends.add(backend);
    return backend;
  }

  private MemoryStore store(StoreSettings settings) {
    return (MemoryStore)
        backend(clock, MemoryBackend.DEFAULT_RECLAIM_DELAY).store(PARTITION, settings);
  }

  private void put(MemoryStore store, Object key, long expiresAt) {
    store.put(
        key, Write.of("v", expiresAt, clock.millis()), Condition.always(), clock.millis(), false);
  }

  @Test
  void boundedStore_evictsDownToMaximumSize() {
    MemoryStore store = store(new StoreSettings(10));
    for (int i = 0; i < 100; i++) {
      put(store, i, StoredEntry.ETERNAL);
    }

    store.cleanUp();

    assertEquals(10, store.estimatedSize());
  }

  @Test
  void unboundedStore_keepsEveryEntry() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    for (int i = 0; i < 10_000; i++) {
      put(store, i, StoredEntry.ETERNAL);
    }

    store.cleanUp();

    assertEquals(10_000, store.estimatedSize());
  }

  @Test
  void expiredEntry_isKeptUntilTheReclaimDelayHasPassed_thenReclaimedWithoutARead() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    long expiresAt = clock.millis() + 1_000;
    put(store, "k", expiresAt);

    clock.setMillis(expiresAt - 1);
    store.cleanUp();
    assertEquals(1, store.estimatedSize(), "dropped before its expiry");

    clock.setMillis(expiresAt + RECLAIM_DELAY - 1);
    store.cleanUp();
    assertEquals(1, store.estimatedSize(), "dropped before the reclaim delay passed");

    // Caffeine's timer wheel reclaims in buckets of about a second, late but never early
    clock.setMillis(expiresAt + RECLAIM_DELAY + WHEEL_BUCKET);
    store.cleanUp();
    assertEquals(0, store.estimatedSize(), "not reclaimed");
  }

  @Test
  void expiredEntry_isReadableUntilReclaimed() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    long expiresAt = clock.millis() + 1_000;
    put(store, "k", expiresAt);

    clock.setMillis(expiresAt + RECLAIM_DELAY - 1);
    StoredEntry raw = store.get("k");
    clock.setMillis(expiresAt + RECLAIM_DELAY);

    assertNotNull(raw);
    assertTrue(raw.isExpiredAt(expiresAt));
    store.cleanUp();
    assertNull(store.get("k"));
  }

  @Test
  void touchedEntry_isReclaimedByItsNewExpiry() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    long expiresAt = clock.millis() + 1_000;
    put(store, "k", expiresAt);
    long later = expiresAt + 60_000;

    assertTrue(store.touch("k", store.get("k").version(), later));
    clock.setMillis(expiresAt + RECLAIM_DELAY);
    store.cleanUp();
    assertEquals(1, store.estimatedSize());

    clock.setMillis(later + RECLAIM_DELAY + WHEEL_BUCKET);
    store.cleanUp();
    assertEquals(0, store.estimatedSize());
  }

  /** A plain put (no condition, no previous asked for) replaces the entry without a remapping. */
  @Test
  void plainPut_overAnExpiringEntry_isNotReclaimedAtTheOldExpiry() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    long expiresAt = clock.millis() + 1_000;
    put(store, "k", expiresAt);
    long firstVersion = store.get("k").version();

    put(store, "k", StoredEntry.ETERNAL);
    clock.setMillis(expiresAt + RECLAIM_DELAY + WHEEL_BUCKET);
    store.cleanUp();

    StoredEntry entry = store.get("k");
    assertNotNull(entry, "the replacing entry was reclaimed at the replaced one's expiry");
    assertEquals(StoredEntry.ETERNAL, entry.expiresAt());
    assertNotEquals(firstVersion, entry.version());
  }

  /** "Never" as far as Caffeine can say it: its longest expiry is about 146 years. */
  @Test
  void eternalEntry_isNeverReclaimed() {
    MemoryStore store = store(StoreSettings.DEFAULT);
    put(store, "k", StoredEntry.ETERNAL);

    clock.advance(Duration.ofDays(365L * 140));
    store.cleanUp();

    assertEquals(1, store.estimatedSize());
    assertNotNull(store.get("k"));
  }

  /** The one test on real time: Caffeine's scheduler reclaims on its own, with nobody calling. */
  @Test
  void expiredEntry_isReclaimedWithoutAnyCall() throws InterruptedException {
    MemoryStore store =
        (MemoryStore)
            backend(Clock.systemUTC(), Duration.ZERO).store(PARTITION, StoreSettings.DEFAULT);
    long now = System.currentTimeMillis();
    store.put("k", Write.of("v", now + 50, now), Condition.always(), now, false);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (store.estimatedSize() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertEquals(0, store.estimatedSize(), "Caffeine's scheduler did not reclaim the entry");
  }

  @Test
  void versions_areUniqueAcrossPartitionsOfOneBackend() {
    MemoryBackend backend = backend(clock, MemoryBackend.DEFAULT_RECLAIM_DELAY);
    Set<Long> versions = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      MemoryStore store =
          (MemoryStore) backend.store(Partition.of("cache " + i), StoreSettings.DEFAULT);
      put(store, "k", StoredEntry.ETERNAL);
      assertTrue(versions.add(store.get("k").version()));
    }
  }

  @Test
  void store_withChangedSettings_keepsEntriesAndAppliesTheNewBound() {
    MemoryBackend backend = backend(clock, MemoryBackend.DEFAULT_RECLAIM_DELAY);
    MemoryStore unbounded = (MemoryStore) backend.store(PARTITION, StoreSettings.DEFAULT);
    for (int i = 0; i < 5; i++) {
      put(unbounded, i, StoredEntry.ETERNAL);
    }

    MemoryStore bounded = (MemoryStore) backend.store(PARTITION, new StoreSettings(20));
    for (int i = 5; i < 50; i++) {
      put(bounded, i, StoredEntry.ETERNAL);
    }
    bounded.cleanUp();
    assertEquals(20, bounded.estimatedSize());

    MemoryStore resized = (MemoryStore) backend.store(PARTITION, new StoreSettings(3));
    resized.cleanUp();
    assertEquals(3, unbounded.estimatedSize(), "every store of a partition sees the same entries");
  }

  @Test
  void keys_withACursorItNeverIssued_fails() {
    MemoryStore store = store(StoreSettings.DEFAULT);

    assertThrows(StoreException.class, () -> store.keys("forged", 10));
  }

  @Test
  void operations_afterClose_throwStoreException() {
    MemoryBackend backend = backend(clock, MemoryBackend.DEFAULT_RECLAIM_DELAY);
    MemoryStore store = (MemoryStore) backend.store(PARTITION, StoreSettings.DEFAULT);
    backend.close();

    StoreException failure = assertThrows(StoreException.class, () -> store.get("k"));
    assertTrue(failure.getMessage().contains("memory test"), failure.getMessage());
    assertThrows(StoreException.class, () -> backend.store(PARTITION, StoreSettings.DEFAULT));
  }
}

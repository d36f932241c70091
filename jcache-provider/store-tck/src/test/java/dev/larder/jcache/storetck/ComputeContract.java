package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Decision;
import dev.larder.jcache.spi.Mutator;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read-modify-write through {@code compute}: each decision (keep, put, remove, touch) and
 * lost-update freedom under concurrent writers. Every test runs twice: through the store's own
 * {@code compute} and through the SPI's default compare-and-set loop over the store's versioned
 * writes.
 */
public interface ComputeContract extends StoreFixture {

  /** Which {@code compute} a test goes through. */
  enum Path {
    STORE_COMPUTE,
    DEFAULT_CAS_LOOP
  }

  int WRITERS = 8;
  int INCREMENTS_PER_WRITER = 500;

  private Store via(Path path) {
    return path == Path.STORE_COMPUTE ? store() : new CasOnlyStore(store());
  }

  private Mutator<Integer> increment() {
    return current -> {
      int next = current == null ? 1 : (Integer) plain(current.value()) + 1;
      return Decision.put(write(next), next);
    };
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_whenAbsent_seesNull(Path path) {
    AtomicReference<StoredEntry> seen = new AtomicReference<>(given("other", "v"));

    via(path)
        .compute(
            key("k"),
            current -> {
              seen.set(current);
              return Decision.keep(null);
            });

    assertNull(seen.get());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_keep_returnsResultAndLeavesEntry(Path path) {
    StoredEntry old = given("k", "v");

    String result =
        via(path).compute(key("k"), current -> Decision.keep("seen " + plain(current.value())));

    assertEquals("seen v", result);
    assertSameEntry(old, store().get(key("k")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_keep_whenAbsent_storesNothing(Path path) {
    String result = via(path).compute(key("k"), current -> Decision.keep("nothing"));

    assertEquals("nothing", result);
    assertNull(store().get(key("k")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_put_whenAbsent_creates(Path path) {
    String result = via(path).compute(key("k"), current -> Decision.put(write("v"), "created"));

    assertEquals("created", result);
    StoredEntry entry = store().get(key("k"));
    assertNotNull(entry);
    assertEquals("v", plain(entry.value()));
    assertNotEquals(0, entry.version());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_put_whenPresent_replacesWithNewVersion(Path path) {
    StoredEntry old = given("k", "old");

    via(path)
        .compute(key("k"), current -> Decision.put(write(plain(current.value()) + "+new"), null));

    StoredEntry entry = store().get(key("k"));
    assertEquals("old+new", plain(entry.value()));
    assertNotEquals(old.version(), entry.version());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_whenExpired_seesRawEntryAndCanReplaceIt(Path path) {
    StoredEntry old = givenExpired("k", "old");
    AtomicReference<StoredEntry> seen = new AtomicReference<>();

    via(path)
        .compute(
            key("k"),
            current -> {
              seen.set(current);
              return Decision.put(write("new"), null);
            });

    assertSameEntry(old, seen.get());
    assertEquals("new", plain(store().get(key("k")).value()));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_remove_whenPresent_removes(Path path) {
    given("k", "v");

    String result = via(path).compute(key("k"), current -> Decision.remove("removed"));

    assertEquals("removed", result);
    assertNull(store().get(key("k")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_remove_whenExpired_removesRawEntry(Path path) {
    givenExpired("k", "v");

    via(path).compute(key("k"), current -> Decision.remove(null));

    assertNull(store().get(key("k")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_remove_whenAbsent_returnsResult(Path path) {
    String result = via(path).compute(key("k"), current -> Decision.remove("nothing to remove"));

    assertEquals("nothing to remove", result);
    assertNull(store().get(key("k")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_touch_changesOnlyExpiry(Path path) {
    StoredEntry old = given("k", expiringWrite("v"));
    long newExpiry = now() + 60_000;

    String result = via(path).compute(key("k"), current -> Decision.touch(newExpiry, "touched"));

    assertEquals("touched", result);
    StoredEntry entry = store().get(key("k"));
    assertEquals(newExpiry, entry.expiresAt());
    assertEquals(old.version(), entry.version());
    assertEquals("v", plain(entry.value()));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_whenMutatorThrows_propagatesItAndLeavesEntry(Path path) {
    StoredEntry old = given("k", "v");
    IllegalStateException failure = new IllegalStateException("processor failed");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                via(path)
                    .compute(
                        key("k"),
                        current -> {
                          throw failure;
                        }));

    assertSame(failure, thrown);
    assertSameEntry(old, store().get(key("k")));
  }

  /**
   * Many writers increment one counter: no increment is lost and each sees a distinct count. A
   * {@code compute} that gives up after too many lost compare-and-sets changes nothing, so the
   * writer retries it.
   */
  @ParameterizedTest
  @EnumSource(Path.class)
  default void compute_concurrentIncrementsOnOneKey_loseNoUpdate(Path path) throws Exception {
    Store target = via(path);
    Mutator<Integer> increment = increment();
    Set<Integer> counts = ConcurrentHashMap.newKeySet();
    AtomicInteger giveUps = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int done = 0; done < INCREMENTS_PER_WRITER; ) {
                    try {
                      Integer count = target.compute(key("counter"), increment);
                      assertTrue(counts.add(count), "two increments both saw " + count);
                      done++;
                    } catch (StoreException gaveUp) {
                      if (giveUps.incrementAndGet() > 10_000) {
                        throw gaveUp;
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    int total = WRITERS * INCREMENTS_PER_WRITER;
    assertEquals(total, plain(store().get(key("counter")).value()));
    assertEquals(total, counts.size());
  }
}

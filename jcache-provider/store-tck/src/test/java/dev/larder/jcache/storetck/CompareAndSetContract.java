package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the core's compare-and-set and its lost-reply check rest on: a versioned write applies only
 * over the version it names, stores the version the write carries, and a write that finds its own
 * version stored (a retry of itself after a lost reply) reports success.
 */
public interface CompareAndSetContract extends StoreFixture {

  int WRITERS = 8;
  int INCREMENTS_PER_WRITER = 200;

  @Test
  default void put_storesTheVersionTheWriteCarries() {
    Write write = write("v");

    store().put(key("k"), write, Condition.always(), now(), false);

    assertEquals(write.version(), store().get(key("k")).version());
  }

  @Test
  default void putIfVersion_overAnotherVersion_doesNotApply() {
    StoredEntry stored = given("k", "v");

    WriteResult result =
        store().put(key("k"), write("w"), Condition.ifVersion(stored.version() ^ 1), now(), false);

    assertFalse(result.applied());
    assertSameEntry(stored, store().get(key("k")));
  }

  @Test
  default void putIfVersion0_whenAnEntryIsStored_doesNotApply() {
    StoredEntry stored = given("k", "v");

    assertFalse(store().put(key("k"), write("w"), Condition.ifVersion(0), now(), false).applied());
    assertSameEntry(stored, store().get(key("k")));
  }

  @Test
  default void conditionalPut_retriedAfterItApplied_reportsApplied() {
    for (Condition condition :
        List.of(
            Condition.ifAbsent(),
            Condition.ifVersion(0),
            Condition.ifPresent(),
            Condition.ifValue(value("v")))) {
      String k = "k " + condition.kind();
      boolean needsEntry =
          condition.kind() == Condition.Kind.IF_PRESENT
              || condition.kind() == Condition.Kind.IF_VALUE;
      if (needsEntry) {
        given(k, "v");
      }
      Write write = write("mine");
      assertTrue(store().put(key(k), write, condition, now(), true).applied(), "first try");

      // the same write again, as a client library resends it when the first reply was lost
      WriteResult retry = store().put(key(k), write, condition, now(), true);

      assertTrue(retry.applied(), condition.kind() + ": a write that finds itself applied");
      assertNull(retry.previous(), condition.kind() + ": what it replaced is not itself");
      assertEquals(write.version(), store().get(key(k)).version());
    }
  }

  @Test
  default void conditionalPut_ofAnotherWriteWithTheSameValue_doesNotApply() {
    store().put(key("k"), write("mine"), Condition.ifAbsent(), now(), false);

    assertFalse(store().put(key("k"), write("mine"), Condition.ifAbsent(), now(), false).applied());
  }

  @Test
  default void unconditionalPut_retried_doesNotReportItselfAsPrevious() {
    given("k", "old");
    Write write = write("mine");
    store().put(key("k"), write, Condition.always(), now(), true);

    WriteResult retry = store().put(key("k"), write, Condition.always(), now(), true);

    assertTrue(retry.applied());
    assertNull(retry.previous(), "the retry replaced itself, not a previous entry");
  }

  /**
   * Many writers increment one counter through a compare-and-set over {@code get} and {@code
   * IF_VERSION}: no increment is lost and each count is seen by exactly one writer.
   */
  @Test
  default void compareAndSet_concurrentIncrementsOnOneKey_loseNoUpdate() throws Exception {
    Set<Integer> counts = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int done = 0; done < INCREMENTS_PER_WRITER; done++) {
                    int count = increment();
                    assertTrue(counts.add(count), "two increments both made " + count);
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

  private int increment() {
    while (true) {
      StoredEntry current = store().get(key("counter"));
      int next = current == null ? 1 : (Integer) plain(current.value()) + 1;
      Condition same = Condition.ifVersion(current == null ? 0 : current.version());
      if (store().put(key("counter"), write(next), same, Long.MIN_VALUE, false).applied()) {
        return next;
      }
      Thread.onSpinWait();
    }
  }
}

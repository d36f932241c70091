package dev.larder.jcache.storetck;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import dev.larder.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the contract tests need from {@link StoreContractTest}: a fresh backend on a {@link
 * ManualClock}, partitions private to the running test, and conversions between plain test values
 * and the backend's representation (objects, or {@code byte[]} made by Java serialization).
 */
public interface StoreFixture {

  /** Who the contract's writes say wrote them. */
  String WRITER = "store-tck";

  /** How long entries made by {@link #expiringWrite} live. */
  long TTL_MILLIS = 1_000;

  Backend backend();

  ManualClock clock();

  /** The store of this test's own partition. */
  Store store();

  /**
   * The store of {@code partition}, emptied now and again after the test. Names are used exactly as
   * given; put {@link #runId()} in one of them to keep runs on a shared server apart.
   */
  Store store(Partition partition);

  /** A short id unique to this test run. */
  String runId();

  /** A plain key in the backend's representation. */
  Object key(Object plainKey);

  /** A plain value in the backend's representation. */
  Object value(Object plainValue);

  /** A key or value from the backend's representation back to the plain one. */
  Object plain(Object stored);

  default long now() {
    return clock().millis();
  }

  /** An eternal write of {@code plainValue}, written now by {@link #WRITER}. */
  default Write write(Object plainValue) {
    return write(plainValue, StoredEntry.ETERNAL);
  }

  default Write write(Object plainValue, long expiresAt) {
    return new Write(value(plainValue), expiresAt, now(), WRITER, Set.of());
  }

  /** A write that expires {@link #TTL_MILLIS} from now. */
  default Write expiringWrite(Object plainValue) {
    return write(plainValue, now() + TTL_MILLIS);
  }

  /** Stores {@code write} unconditionally and returns the entry as stored. */
  default StoredEntry given(Object plainKey, Write write) {
    store().put(key(plainKey), write, Condition.always(), now(), false);
    StoredEntry entry = store().get(key(plainKey));
    if (entry == null) {
      throw new AssertionError("the store lost the entry it was just given for " + plainKey);
    }
    return entry;
  }

  /** Stores an eternal {@code plainValue} under {@code plainKey}. */
  default StoredEntry given(Object plainKey, Object plainValue) {
    return given(plainKey, write(plainValue));
  }

  /**
   * Stores an entry that expires, then moves the clock to its expiry: from then on it is expired
   * but, the backstop being later, still stored.
   */
  default StoredEntry givenExpired(Object plainKey, Object plainValue) {
    StoredEntry entry = given(plainKey, expiringWrite(plainValue));
    clock().setMillis(entry.expiresAt());
    return entry;
  }

  /** Asserts that {@code result} carries {@code expected} as the live previous entry. */
  default void assertPrevious(WriteResult result, StoredEntry expected) {
    if (result.previous() == null) {
      throw new AssertionError("expected previous entry " + expected + " but got " + result);
    }
    assertSameEntry(expected, result.previous());
    if (result.expiredPrevious() != null) {
      throw new AssertionError("a live previous entry is not also an expired one: " + result);
    }
  }

  /** Asserts that {@code result} carries {@code expected} as the expired previous entry. */
  default void assertExpiredPrevious(WriteResult result, StoredEntry expected) {
    if (result.expiredPrevious() == null) {
      throw new AssertionError(
          "expected expired previous entry " + expected + " but got " + result);
    }
    assertSameEntry(expected, result.expiredPrevious());
    if (result.previous() != null) {
      throw new AssertionError("an expired previous entry is not a live one: " + result);
    }
  }

  /** Asserts that {@code result} carries no previous entry of either kind. */
  default void assertNoPrevious(WriteResult result) {
    if (result.previous() != null || result.expiredPrevious() != null) {
      throw new AssertionError("expected no previous entry but got " + result);
    }
  }

  /** Asserts that two entries agree on value (compared as plain values), version and expiry. */
  default void assertSameEntry(StoredEntry expected, StoredEntry actual) {
    if (actual == null
        || !plain(expected.value()).equals(plain(actual.value()))
        || expected.version() != actual.version()
        || expected.expiresAt() != actual.expiresAt()) {
      throw new AssertionError("expected " + expected + " but got " + actual);
    }
  }

  /**
   * Walks every page of {@code store}'s keys with the given page size hint and returns them as
   * plain keys in the order met, duplicates kept. Fails if the walk does not end.
   */
  default List<Object> walkKeys(Store store, int pageSize) {
    List<Object> keys = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100_000; pages++) {
      KeyPage page = store.keys(cursor, pageSize);
      for (Object stored : page.keys()) {
        keys.add(plain(stored));
      }
      if (page.isLast()) {
        return keys;
      }
      cursor = page.cursor();
    }
    throw new AssertionError("the key walk of " + store.partition() + " did not end");
  }
}

package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import org.junit.jupiter.api.Test;

/**
 * Conditional puts: every condition against an absent, a live and an expired entry, with and
 * without the previous entry. Expired entries count as absent, except to {@code IF_VERSION}.
 */
public interface PutContract extends StoreFixture {

  private WriteResult put(String plainKey, Object plainValue, Condition condition) {
    return store().put(key(plainKey), write(plainValue), condition, now(), true);
  }

  private void assertStored(String plainKey, Object plainValue) {
    StoredEntry entry = store().get(key(plainKey));
    assertNotNull(entry, plainKey + " should be stored");
    assertEquals(plainValue, plain(entry.value()));
  }

  // ALWAYS

  @Test
  default void put_always_whenAbsent_stores() {
    WriteResult result = put("k", "v", Condition.always());

    assertTrue(result.applied());
    assertNoPrevious(result);
    assertStored("k", "v");
  }

  @Test
  default void put_always_whenPresent_replacesAndReturnsPrevious() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.always());

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertStored("k", "new");
  }

  @Test
  default void put_always_whenExpired_replacesAndReportsExpiredPrevious() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.always());

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertStored("k", "new");
  }

  @Test
  default void put_withoutReturnPrevious_returnsNoPreviousEntry() {
    given("live", "old");
    givenExpired("expired", "old");

    for (String k : new String[] {"live", "expired", "absent"}) {
      WriteResult result = store().put(key(k), write("new"), Condition.always(), now(), false);
      assertTrue(result.applied(), k);
      assertNoPrevious(result);
    }
  }

  @Test
  default void put_whenConditionFails_withoutReturnPrevious_returnsNoPreviousEntry() {
    given("k", "old");

    WriteResult result = store().put(key("k"), write("new"), Condition.ifAbsent(), now(), false);

    assertFalse(result.applied());
    assertNoPrevious(result);
    assertStored("k", "old");
  }

  // IF_ABSENT

  @Test
  default void put_ifAbsent_whenAbsent_stores() {
    WriteResult result = put("k", "v", Condition.ifAbsent());

    assertTrue(result.applied());
    assertNoPrevious(result);
    assertStored("k", "v");
  }

  @Test
  default void put_ifAbsent_whenPresent_keepsEntryAndReturnsIt() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifAbsent());

    assertFalse(result.applied());
    assertPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void put_ifAbsent_whenExpired_stores() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.ifAbsent());

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertStored("k", "new");
  }

  // IF_PRESENT

  @Test
  default void put_ifPresent_whenAbsent_doesNotStore() {
    WriteResult result = put("k", "v", Condition.ifPresent());

    assertFalse(result.applied());
    assertNoPrevious(result);
    assertNull(store().get(key("k")));
  }

  @Test
  default void put_ifPresent_whenPresent_replaces() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifPresent());

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertStored("k", "new");
  }

  @Test
  default void put_ifPresent_whenExpired_keepsRawEntry() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.ifPresent());

    assertFalse(result.applied());
    assertExpiredPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  // IF_VALUE

  @Test
  default void put_ifValue_whenEqual_replaces() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifValue(value("old")));

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertStored("k", "new");
  }

  @Test
  default void put_ifValue_whenDifferent_keepsEntry() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifValue(value("other")));

    assertFalse(result.applied());
    assertPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void put_ifValue_whenAbsent_doesNotStore() {
    WriteResult result = put("k", "new", Condition.ifValue(value("old")));

    assertFalse(result.applied());
    assertNull(store().get(key("k")));
  }

  @Test
  default void put_ifValue_whenExpiredAndEqual_doesNotStore() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.ifValue(value("old")));

    assertFalse(result.applied());
    assertExpiredPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void put_ifValue_comparesByteArraysByContent() {
    store()
        .put(
            key("k"),
            Write.of(new byte[] {1, 2, 3}, StoredEntry.ETERNAL, now()),
            Condition.always(),
            now(),
            false);

    WriteResult different =
        store()
            .put(
                key("k"),
                Write.of(new byte[] {9}, StoredEntry.ETERNAL, now()),
                Condition.ifValue(new byte[] {1, 2, 4}),
                now(),
                false);
    WriteResult equal =
        store()
            .put(
                key("k"),
                Write.of(new byte[] {7}, StoredEntry.ETERNAL, now()),
                Condition.ifValue(new byte[] {1, 2, 3}),
                now(),
                false);

    assertFalse(different.applied());
    assertTrue(equal.applied());
    assertArrayEquals(new byte[] {7}, (byte[]) store().get(key("k")).value());
  }

  // IF_VERSION

  @Test
  default void put_ifVersion_whenMatches_stores() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifVersion(old.version()));

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertStored("k", "new");
    assertNotEquals(old.version(), store().get(key("k")).version());
  }

  @Test
  default void put_ifVersion_whenStale_keepsEntry() {
    StoredEntry first = given("k", "first");
    StoredEntry second = given("k", "second");

    WriteResult result = put("k", "new", Condition.ifVersion(first.version()));

    assertFalse(result.applied());
    assertPrevious(result, second);
    assertSameEntry(second, store().get(key("k")));
  }

  @Test
  default void put_ifVersionZero_whenAbsent_creates() {
    WriteResult result = put("k", "v", Condition.ifVersion(0));

    assertTrue(result.applied());
    assertNoPrevious(result);
    assertStored("k", "v");
  }

  @Test
  default void put_ifVersionZero_whenPresent_keepsEntry() {
    StoredEntry old = given("k", "old");

    WriteResult result = put("k", "new", Condition.ifVersion(0));

    assertFalse(result.applied());
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void put_ifVersion_whenExpired_matchesRawVersion() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.ifVersion(old.version()));

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertStored("k", "new");
  }

  @Test
  default void put_ifVersionZero_whenExpired_keepsRawEntry() {
    StoredEntry old = givenExpired("k", "old");

    WriteResult result = put("k", "new", Condition.ifVersion(0));

    assertFalse(result.applied(), "version 0 means nothing stored, and an expired entry is stored");
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void put_ifVersion_afterRemove_failsForTheRemovedVersion() {
    StoredEntry old = given("k", "old");
    store().remove(key("k"), Condition.always(), now(), false);

    WriteResult result = put("k", "new", Condition.ifVersion(old.version()));

    assertFalse(result.applied());
    assertNull(store().get(key("k")));
  }
}

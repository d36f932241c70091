package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.WriteResult;
import org.junit.jupiter.api.Test;

/**
 * Conditional removals: every condition against an absent, a live and an expired entry, with and
 * without the previous entry. Expired entries count as absent, except to {@code IF_VERSION}.
 *
 * <p>Whether an unconditional removal of an absent entry reports {@code applied} is left open; the
 * core asks {@code IF_PRESENT} when it needs to know.
 */
public interface RemoveContract extends StoreFixture {

  private WriteResult remove(String plainKey, Condition condition) {
    return store().remove(key(plainKey), condition, now(), true);
  }

  // ALWAYS

  @Test
  default void remove_always_whenPresent_removesAndReturnsPrevious() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.always());

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_always_whenAbsent_leavesNothingAndReturnsNoPrevious() {
    WriteResult result = remove("k", Condition.always());

    assertNoPrevious(result);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_always_whenExpired_removesAndReportsExpiredPrevious() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.always());

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_withoutReturnPrevious_returnsNoPreviousEntry() {
    given("live", "v");
    givenExpired("expired", "v");

    for (String k : new String[] {"live", "expired"}) {
      WriteResult result = store().remove(key(k), Condition.always(), now(), false);
      assertTrue(result.applied(), k);
      assertNoPrevious(result);
      assertNull(store().get(key(k)), k);
    }
  }

  @Test
  default void remove_whenConditionFails_withoutReturnPrevious_returnsNoPreviousEntry() {
    StoredEntry old = given("k", "v");

    WriteResult result = store().remove(key("k"), Condition.ifAbsent(), now(), false);

    assertFalse(result.applied());
    assertNoPrevious(result);
    assertSameEntry(old, store().get(key("k")));
  }

  // IF_PRESENT

  @Test
  default void remove_ifPresent_whenPresent_removes() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifPresent());

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_ifPresent_whenAbsent_fails() {
    WriteResult result = remove("k", Condition.ifPresent());

    assertFalse(result.applied());
    assertNoPrevious(result);
  }

  @Test
  default void remove_ifPresent_whenExpired_failsAndKeepsRawEntry() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.ifPresent());

    assertFalse(result.applied());
    assertExpiredPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  // IF_ABSENT

  @Test
  default void remove_ifAbsent_whenPresent_failsAndKeepsEntry() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifAbsent());

    assertFalse(result.applied());
    assertPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void remove_ifAbsent_whenExpired_removesRawEntry() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.ifAbsent());

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  // IF_VALUE

  @Test
  default void remove_ifValue_whenEqual_removes() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifValue(value("v")));

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_ifValue_whenDifferent_failsAndKeepsEntry() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifValue(value("other")));

    assertFalse(result.applied());
    assertPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void remove_ifValue_whenAbsent_fails() {
    WriteResult result = remove("k", Condition.ifValue(value("v")));

    assertFalse(result.applied());
    assertNoPrevious(result);
  }

  @Test
  default void remove_ifValue_whenExpiredAndEqual_failsAndKeepsRawEntry() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.ifValue(value("v")));

    assertFalse(result.applied());
    assertExpiredPrevious(result, old);
    assertSameEntry(old, store().get(key("k")));
  }

  // IF_VERSION

  @Test
  default void remove_ifVersion_whenMatches_removes() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifVersion(old.version()));

    assertTrue(result.applied());
    assertPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_ifVersion_whenStale_failsAndKeepsEntry() {
    StoredEntry first = given("k", "first");
    StoredEntry second = given("k", "second");

    WriteResult result = remove("k", Condition.ifVersion(first.version()));

    assertFalse(result.applied());
    assertPrevious(result, second);
    assertSameEntry(second, store().get(key("k")));
  }

  @Test
  default void remove_ifVersion_whenExpired_matchesRawVersion() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.ifVersion(old.version()));

    assertTrue(result.applied());
    assertExpiredPrevious(result, old);
    assertNull(store().get(key("k")));
  }

  @Test
  default void remove_ifVersionZero_whenPresent_failsAndKeepsEntry() {
    StoredEntry old = given("k", "v");

    WriteResult result = remove("k", Condition.ifVersion(0));

    assertFalse(result.applied());
    assertSameEntry(old, store().get(key("k")));
  }

  @Test
  default void remove_ifVersionZero_whenExpired_failsAndKeepsRawEntry() {
    StoredEntry old = givenExpired("k", "v");

    WriteResult result = remove("k", Condition.ifVersion(0));

    assertFalse(result.applied());
    assertSameEntry(old, store().get(key("k")));
  }
}

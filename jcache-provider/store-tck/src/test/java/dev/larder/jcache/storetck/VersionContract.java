package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Versions (never 0, new on every write, never reused for a key) and {@code touch}, which changes
 * only the expiry of the version it names.
 */
public interface VersionContract extends StoreFixture {

  @Test
  default void version_changesOnEveryWrite_andIsNeverZero() {
    Set<Long> versions = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      long version = given("k", "v" + i).version();
      assertNotEquals(0, version);
      assertTrue(versions.add(version), "version " + version + " was reused");
    }
  }

  @Test
  default void version_changesEvenWhenTheSameValueIsWrittenAgain() {
    long first = given("k", "same").version();
    long second = given("k", "same").version();

    assertNotEquals(first, second);
  }

  @Test
  default void version_isNeverReusedAfterRemoveAndRecreate() {
    Set<Long> versions = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      long version = given("k", "v").version();
      assertTrue(versions.add(version), "version " + version + " was reused after a remove");
      store().remove(key("k"), Condition.always(), now(), false);
    }
  }

  @Test
  default void version_isNewForEveryWriteKind() {
    Set<Long> versions = new HashSet<>();
    versions.add(given("k", "v").version());
    store().put(key("k"), write("v"), Condition.ifPresent(), now(), false);
    assertTrue(versions.add(store().get(key("k")).version()), "put IF_PRESENT reused a version");
    store().putAll(List.of(key("k")), List.of(write("v")));
    assertTrue(versions.add(store().get(key("k")).version()), "putAll reused a version");
    long current = store().get(key("k")).version();
    store().put(key("k"), write("v"), Condition.ifVersion(current), now(), false);
    assertTrue(versions.add(store().get(key("k")).version()), "put IF_VERSION reused a version");
    assertTrue(versions.stream().noneMatch(v -> v == 0));
  }

  @Test
  default void putAll_givesEachEntryItsOwnNonZeroVersion() {
    List<Object> keys = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add(key("k" + i));
      writes.add(write("v" + i));
    }
    store().putAll(keys, writes);

    Set<Long> versions = new HashSet<>();
    for (StoredEntry entry : store().getAll(keys)) {
      assertNotEquals(0, entry.version());
      versions.add(entry.version());
    }
    assertEquals(10, versions.size());
  }

  // touch

  @Test
  default void touch_whenVersionMatches_changesOnlyExpiry() {
    StoredEntry old = given("k", expiringWrite("v"));
    long newExpiry = now() + 60_000;

    assertTrue(store().touch(key("k"), old.version(), newExpiry));

    StoredEntry touched = store().get(key("k"));
    assertEquals(newExpiry, touched.expiresAt());
    assertEquals(old.version(), touched.version());
    assertEquals("v", plain(touched.value()));
    assertEquals(old.writtenAt(), touched.writtenAt());
    assertEquals(old.writtenBy(), touched.writtenBy());
    assertEquals(old.tags(), touched.tags());
  }

  @Test
  default void touch_canMakeAnEntryEternal() {
    StoredEntry old = given("k", expiringWrite("v"));

    assertTrue(store().touch(key("k"), old.version(), StoredEntry.ETERNAL));
    clock().setMillis(old.expiresAt() + 1);

    assertEquals(StoredEntry.ETERNAL, store().get(key("k")).expiresAt());
  }

  @Test
  default void touch_canShortenExpiry() {
    StoredEntry old = given("k", "v");
    long newExpiry = now() + 10;

    assertTrue(store().touch(key("k"), old.version(), newExpiry));
    clock().setMillis(newExpiry);

    StoredEntry touched = store().get(key("k"));
    assertEquals(newExpiry, touched.expiresAt());
    assertTrue(touched.isExpiredAt(now()));
  }

  @Test
  default void touch_whenVersionStale_changesNothing() {
    StoredEntry first = given("k", expiringWrite("first"));
    StoredEntry second = given("k", expiringWrite("second"));

    assertFalse(store().touch(key("k"), first.version(), now() + 60_000));

    assertSameEntry(second, store().get(key("k")));
  }

  @Test
  default void touch_whenAbsent_returnsFalseAndCreatesNothing() {
    assertFalse(store().touch(key("k"), 1, now() + 60_000));

    assertNull(store().get(key("k")));
  }

  @Test
  default void touch_afterRemove_returnsFalse() {
    StoredEntry old = given("k", "v");
    store().remove(key("k"), Condition.always(), now(), false);

    assertFalse(store().touch(key("k"), old.version(), now() + 60_000));
    assertNull(store().get(key("k")));
  }
}

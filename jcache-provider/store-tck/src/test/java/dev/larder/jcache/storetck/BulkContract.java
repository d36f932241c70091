package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code getAll}, {@code putAll} and {@code removeAll}. */
public interface BulkContract extends StoreFixture {

  /** More keys than one DynamoDB batch (100 reads, 25 writes) holds. */
  int MANY = 260;

  private List<Object> keys(String... plainKeys) {
    List<Object> keys = new ArrayList<>();
    for (String plainKey : plainKeys) {
      keys.add(key(plainKey));
    }
    return keys;
  }

  @Test
  default void getAll_returnsEntriesAlignedWithKeys_nullForMissing() {
    StoredEntry a = given("a", "1");
    StoredEntry c = given("c", "3");

    List<StoredEntry> entries = store().getAll(keys("a", "b", "c", "d"));

    assertEquals(4, entries.size());
    assertSameEntry(a, entries.get(0));
    assertNull(entries.get(1));
    assertSameEntry(c, entries.get(2));
    assertNull(entries.get(3));
  }

  @Test
  default void getAll_withRepeatedKeys_returnsOneEntryPerPosition() {
    StoredEntry a = given("a", "1");

    List<StoredEntry> entries = store().getAll(keys("a", "b", "a", "b"));

    assertEquals(4, entries.size());
    assertSameEntry(a, entries.get(0));
    assertNull(entries.get(1));
    assertSameEntry(a, entries.get(2));
    assertNull(entries.get(3));
  }

  @Test
  default void getAll_ofNoKeys_returnsEmptyList() {
    assertTrue(store().getAll(List.of()).isEmpty());
  }

  @Test
  default void getAll_returnsExpiredEntriesRaw() {
    StoredEntry expired = givenExpired("a", "1");

    List<StoredEntry> entries = store().getAll(keys("a"));

    assertSameEntry(expired, entries.get(0));
  }

  @Test
  default void getAll_ofManyKeys_staysAligned() {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      keys.add(key("k" + i));
      if (i % 3 == 0) {
        given("k" + i, "v" + i);
      }
    }

    List<StoredEntry> entries = store().getAll(keys);

    assertEquals(MANY, entries.size());
    for (int i = 0; i < MANY; i++) {
      if (i % 3 == 0) {
        assertNotNull(entries.get(i), "k" + i);
        assertEquals("v" + i, plain(entries.get(i).value()));
      } else {
        assertNull(entries.get(i), "k" + i);
      }
    }
  }

  @Test
  default void putAll_storesEveryEntryWithItsOwnExpiry() {
    long expiresAt = now() + 5_000;
    List<Object> keys = keys("a", "b");
    store().putAll(keys, List.of(write("1"), write("2", expiresAt)));

    List<StoredEntry> entries = store().getAll(keys);

    assertEquals("1", plain(entries.get(0).value()));
    assertEquals(StoredEntry.ETERNAL, entries.get(0).expiresAt());
    assertEquals("2", plain(entries.get(1).value()));
    assertEquals(expiresAt, entries.get(1).expiresAt());
  }

  @Test
  default void putAll_replacesExistingEntries() {
    given("a", "old");
    givenExpired("b", "old");

    store().putAll(keys("a", "b"), List.of(write("new a"), write("new b")));

    assertEquals("new a", plain(store().get(key("a")).value()));
    assertEquals("new b", plain(store().get(key("b")).value()));
  }

  @Test
  default void putAll_ofManyKeys_storesThemAll() {
    List<Object> keys = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      keys.add(key("k" + i));
      writes.add(write("v" + i));
    }

    store().putAll(keys, writes);

    List<StoredEntry> entries = store().getAll(keys);
    for (int i = 0; i < MANY; i++) {
      assertEquals("v" + i, plain(entries.get(i).value()));
    }
  }

  @Test
  default void putAll_ofNoKeys_changesNothing() {
    StoredEntry a = given("a", "1");

    store().putAll(List.of(), List.of());

    assertSameEntry(a, store().get(key("a")));
  }

  @Test
  default void removeAll_removesOnlyTheGivenKeys() {
    given("a", "1");
    givenExpired("b", "2");
    StoredEntry c = given("c", "3");

    store().removeAll(keys("a", "b", "missing"));

    assertNull(store().get(key("a")));
    assertNull(store().get(key("b")));
    assertSameEntry(c, store().get(key("c")));
  }

  @Test
  default void removeAll_ofManyKeys_removesThemAll() {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      keys.add(key("k" + i));
      given("k" + i, "v" + i);
    }

    store().removeAll(keys);

    assertTrue(store().getAll(keys).stream().allMatch(entry -> entry == null));
  }

  @Test
  default void removeAll_ofNoKeys_changesNothing() {
    StoredEntry a = given("a", "1");

    store().removeAll(List.of());

    assertSameEntry(a, store().get(key("a")));
  }
}

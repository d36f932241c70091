package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading single entries, their expiry and their metadata. */
public interface EntryContract extends StoreFixture {

  @Test
  default void get_whenAbsent_returnsNull() {
    assertNull(store().get(key("missing")));
  }

  @Test
  default void get_whenPresent_returnsValueVersionAndExpiry() {
    long expiresAt = now() + 60_000;
    store().put(key("k"), write("v", expiresAt), Condition.always(), now(), false);

    StoredEntry entry = store().get(key("k"));

    assertNotNull(entry);
    assertEquals("v", plain(entry.value()));
    assertNotEquals(0, entry.version());
    assertEquals(expiresAt, entry.expiresAt());
  }

  @Test
  default void get_whenExpired_returnsRawEntry() {
    StoredEntry stored = givenExpired("k", "v");

    StoredEntry entry = store().get(key("k"));

    assertNotNull(entry, "reads return expired entries; the core decides by its clock");
    assertTrue(entry.isExpiredAt(now()));
    assertEquals(stored.version(), entry.version());
    assertEquals("v", plain(entry.value()));
  }

  @Test
  default void get_eternalEntry_neverExpires() {
    given("k", "v");

    clock().advance(Duration.ofDays(36_500));

    StoredEntry entry = store().get(key("k"));
    assertNotNull(entry);
    assertEquals(StoredEntry.ETERNAL, entry.expiresAt());
    assertEquals("v", plain(entry.value()));
  }

  @Test
  default void get_keysAreComparedByValue_notIdentity() {
    given(new String("same key"), "v");

    assertEquals("v", plain(store().get(key(new String("same key"))).value()));
  }

  @Test
  default void metadata_roundTripsThroughPut() {
    long writtenAt = now() - 5;
    Write write =
        new Write(value("v"), StoredEntry.ETERNAL, writtenAt, "writer:1 ü", Set.of("a", "b c"));

    store().put(key("k"), write, Condition.always(), now(), false);

    assertMetadata(store().get(key("k")), writtenAt, "writer:1 ü", Set.of("a", "b c"));
  }

  @Test
  default void metadata_roundTripsThroughPutAll() {
    long writtenAt = now() - 7;
    Write write = new Write(value("v"), StoredEntry.ETERNAL, writtenAt, "bulk", Set.of("t"));

    store().putAll(List.of(key("k")), List.of(write));

    assertMetadata(store().get(key("k")), writtenAt, "bulk", Set.of("t"));
  }

  @Test
  default void metadata_roundTripsThroughAVersionedWrite() {
    long writtenAt = now() - 9;
    Write write = new Write(value("v"), StoredEntry.ETERNAL, writtenAt, "processor", Set.of("x"));

    store().put(key("k"), write, Condition.ifVersion(0), now(), false);

    assertMetadata(store().get(key("k")), writtenAt, "processor", Set.of("x"));
  }

  @Test
  default void metadata_withoutWriterOrTags_readsBackAsNullAndEmpty() {
    store()
        .put(
            key("k"),
            Write.of(value("v"), StoredEntry.ETERNAL, 42),
            Condition.always(),
            now(),
            false);

    assertMetadata(store().get(key("k")), 42, null, Set.of());
  }

  @Test
  default void metadata_isReplacedByTheNextWrite() {
    store()
        .put(
            key("k"),
            new Write(value("v1"), StoredEntry.ETERNAL, 1, "first", Set.of("old")),
            Condition.always(),
            now(),
            false);
    store()
        .put(
            key("k"),
            new Write(value("v2"), StoredEntry.ETERNAL, 2, "second", Set.of("new")),
            Condition.always(),
            now(),
            false);

    assertMetadata(store().get(key("k")), 2, "second", Set.of("new"));
  }

  private static void assertMetadata(
      StoredEntry entry, long writtenAt, String writtenBy, Set<String> tags) {
    assertNotNull(entry);
    assertEquals(writtenAt, entry.writtenAt());
    assertEquals(writtenBy, entry.writtenBy());
    assertEquals(tags, entry.tags());
  }
}

package dev.larder.jcache.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The entry layout read back, and bytes that are not Larder's refused with LARDER-R10. */
class EntryFormatTest {

  private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTrip_keepsEveryField() {
    Write write =
        new Write(VALUE, 0x0123_4567_89ab_cdefL, 1_763_740_800_123L, "alice", Set.of("a", "b"));
    StoredEntry entry = EntryFormat.decode(EntryFormat.encode(-2L, write.expiresAt(), write), "t");
    assertArrayEquals(VALUE, (byte[]) entry.value());
    assertEquals(-2L, entry.version(), "versions use all 64 bits");
    assertEquals(0x0123_4567_89ab_cdefL, entry.expiresAt());
    assertEquals(1_763_740_800_123L, entry.writtenAt());
    assertEquals("alice", entry.writtenBy());
    assertEquals(Set.of("a", "b"), entry.tags());
  }

  @Test
  void eternalEntryWithoutMetadata_roundTrips() {
    Write write = new Write(VALUE, StoredEntry.ETERNAL, 42L, null, Set.of());
    StoredEntry entry = EntryFormat.decode(EntryFormat.encode(7L, StoredEntry.ETERNAL, write), "t");
    assertEquals(StoredEntry.ETERNAL, entry.expiresAt());
    assertEquals(null, entry.writtenBy());
    assertEquals(Set.of(), entry.tags());
  }

  @Test
  void notAHexDigitInTheHeader_isForeign() {
    for (char bad : new char[] {'g', 'G', 'A', ' ', '-'}) {
      byte[] bytes = valid();
      bytes[EntryFormat.EXPIRES_AT + 3] = (byte) bad;
      assertForeign(bytes);
    }
  }

  @Test
  void metadataLongerThanTheEntry_isForeign() {
    byte[] bytes = valid();
    byte[] huge = "ffffffff".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(huge, 0, bytes, EntryFormat.META_LENGTH_AT, huge.length);
    assertForeign(bytes);
  }

  @Test
  void cutShort_isForeign() {
    byte[] bytes = valid();
    assertForeign(java.util.Arrays.copyOf(bytes, EntryFormat.HEADER - 1));
  }

  private static byte[] valid() {
    Write write = new Write(VALUE, 1_000L, 2_000L, null, Set.of());
    return EntryFormat.encode(3L, 1_000L, write);
  }

  private static void assertForeign(byte[] bytes) {
    StoreException e =
        assertThrows(StoreException.class, () -> EntryFormat.decode(bytes, "cache 'c' get"));
    assertTrue(e.getMessage().startsWith("LARDER-R10: cache 'c' get"), e.getMessage());
  }
}

package dev.larder.jcache.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;

class CodecsTest {

  private final Codec<Object> binary =
      Codecs.forCache("remote", getClass().getClassLoader(), false, true);

  @Test
  void binary_roundTripsStringsLongsAndObjects() {
    for (Object value : List.of("héllo", 42L, 7, new ArrayList<>(List.of(1, 2)))) {
      assertEquals(value, binary.decode(binary.encode(value)));
    }
  }

  @Test
  void binary_equalStrings_haveEqualBytes() {
    assertArrayEquals((byte[]) binary.encode("key"), (byte[]) binary.encode(new String("key")));
  }

  @Test
  void binary_foreignBytes_failWithTheCacheName() {
    CacheException e =
        assertThrows(CacheException.class, () -> binary.decode(new byte[] {'X', 1, 2}));
    assertTrue(e.getMessage().contains("'remote'"), e.getMessage());
    assertTrue(e.getMessage().contains("LARDER-004"), e.getMessage());
  }

  @Test
  void binary_cutShortBytes_failWithTheCacheName() {
    byte[] full = (byte[]) binary.encode(List.of("a", "b"));
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
    CacheException e = assertThrows(CacheException.class, () -> binary.decode(cut));
    assertTrue(e.getMessage().contains("'remote'"), e.getMessage());
    byte[] longCut = java.util.Arrays.copyOf((byte[]) binary.encode(5L), 4);
    assertThrows(CacheException.class, () -> binary.decode(longCut));
  }
}

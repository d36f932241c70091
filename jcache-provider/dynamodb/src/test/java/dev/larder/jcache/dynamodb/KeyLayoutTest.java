package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Partition;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {

  private final KeyLayout layout = new KeyLayout(8);

  @Test
  void escape_isInjectiveOnNamesThatJoinAlike() {
    List<String> names =
        List.of("a|b", "a%7Cb", "a%007Cb", "a\u0000b", "ab", "a b", "a\uD800b", "ü");
    Set<String> escaped = new HashSet<>();
    names.forEach(name -> escaped.add(KeyLayout.escape(name)));

    assertEquals(names.size(), escaped.size());
    assertTrue(escaped.stream().noneMatch(e -> e.contains("|")));
  }

  @Test
  void partitionPrefix_keepsPartsApart() {
    assertNotEquals(
        layout.partitionPrefix(new Partition("a|b", "c", "d")),
        layout.partitionPrefix(new Partition("a", "b|c", "d")));
    assertEquals(
        "L1|t|ns|new cache|", layout.partitionPrefix(new Partition("t", "ns", "new cache")));
  }

  @Test
  void partitionPrefix_ofVeryLongNames_isHashedBelowTheKeyLimit() {
    String prefix = layout.partitionPrefix(Partition.of("c".repeat(5_000)));

    assertTrue(prefix.getBytes(StandardCharsets.UTF_8).length < 2_048 - 10, prefix);
  }

  @Test
  void bucketOf_isStableAndSpreadsKeys() {
    Set<Integer> buckets = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      byte[] key = ("key " + i).getBytes(StandardCharsets.UTF_8);
      int bucket = layout.bucketOf(key);
      assertEquals(bucket, layout.bucketOf(key.clone()));
      buckets.add(bucket);
    }

    assertEquals(8, buckets.size());
  }

  @Test
  void sortKey_roundTripsShortKeysAndHashesLongOnes() {
    byte[] shortKey = {1, 2, 3};
    byte[] longKey = new byte[2_000];

    assertArrayEquals(shortKey, KeyLayout.keyOf(layout.sortKey(shortKey)));
    assertTrue(KeyLayout.isHashed(layout.sortKey(longKey)));
    assertTrue(layout.sortKey(longKey).length <= KeyLayout.SORT_KEY_LIMIT);
  }
}

package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.IndexMember;
import dev.larder.jcache.spi.IndexPage;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link IndexStore} capability, for stores that have it ({@link
 * dev.larder.jcache.spi.Store#indices()}): a store test class adds {@code implements
 * IndexStoreContract} next to {@link StoreContractTest}. Deterministic: the interleavings that
 * matter (a stale member cleaned while a writer files the key again) are played out step by step.
 */
public interface IndexStoreContract extends StoreFixture {

  default Write tagged(Object plainValue, String... tags) {
    return new Write(value(plainValue), StoredEntry.ETERNAL, now(), WRITER, Set.of(tags));
  }

  /** Every member of an index as plain key to version, walked with a small page size. */
  default Map<Object, Long> members(String index) {
    IndexStore indices = store().indices();
    Map<Object, Long> all = new HashMap<>();
    String cursor = null;
    do {
      IndexPage page = indices.members(index, cursor, 3);
      for (IndexMember member : page.members()) {
        Long earlier = all.put(plain(member.key()), member.version());
        if (earlier != null && earlier != member.version()) {
          throw new AssertionError("one key with two versions in " + index + ": " + member);
        }
      }
      cursor = page.cursor();
    } while (cursor != null);
    return all;
  }

  @Test
  default void indices_taggedPut_filesTheKeyWithTheWritesVersion() {
    store().put(key("k"), tagged("v", "a", "b"), Condition.always(), now(), false);
    long version = store().get(key("k")).version();

    assertEquals(Map.of("k", version), members("a"));
    assertEquals(Map.of("k", version), members("b"));
    assertEquals(Map.of(), members("c"));
  }

  @Test
  default void indices_untaggedOrRefusedWrites_fileNothing() {
    given("plain", "v");
    given("present", "v");
    store().put(key("present"), tagged("w", "a"), Condition.ifAbsent(), now(), false);
    store().put(key("absent"), tagged("w", "a"), Condition.ifPresent(), now(), false);

    assertEquals(Map.of(), members("a"));
  }

  @Test
  default void indices_conditionalPutAllAndVersionedWrites_fileTheirKeys() {
    store().put(key("conditional"), tagged("v", "a"), Condition.ifAbsent(), now(), false);
    store().putAll(List.of(key("bulk")), List.of(tagged("v", "a")));
    store().put(key("computed"), tagged("v", "a"), Condition.ifVersion(0), now(), false);

    assertEquals(Set.of("conditional", "bulk", "computed"), members("a").keySet());
    assertEquals(store().get(key("computed")).version(), members("a").get("computed"));
  }

  @Test
  default void indices_rewriteWithTheTag_movesTheMemberToTheNewVersion() {
    store().put(key("k"), tagged("1", "a"), Condition.always(), now(), false);
    store().put(key("k"), tagged("2", "a"), Condition.always(), now(), false);
    assertEquals(Map.of("k", store().get(key("k")).version()), members("a"));
  }

  @Test
  default void removeStale_dropsMembersStillAtTheirVersion() {
    store().put(key("k"), tagged("v", "a"), Condition.always(), now(), false);
    long version = store().get(key("k")).version();
    store().remove(key("k"), Condition.always(), now(), false);

    store().indices().removeStale("a", List.of(new IndexMember(key("k"), version)));

    assertEquals(Map.of(), members("a"));
  }

  @Test
  default void removeStale_keepsAKeyFiledAgainMeanwhile() {
    store().put(key("k"), tagged("old", "a"), Condition.always(), now(), false);
    long old = store().get(key("k")).version();
    store().remove(key("k"), Condition.always(), now(), false);
    // a reader saw (k, old) with no entry behind it; before it cleans up, k is tagged again
    store().put(key("k"), tagged("new", "a"), Condition.always(), now(), false);

    store().indices().removeStale("a", List.of(new IndexMember(key("k"), old)));

    assertEquals(Map.of("k", store().get(key("k")).version()), members("a"));
  }

  @Test
  default void indices_walkEveryMemberOnce_inPages() {
    List<Object> keys = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      keys.add(key("k" + i));
      writes.add(tagged("v", "a"));
    }
    store().putAll(keys, writes);
    assertEquals(150, members("a").size());
  }

  @Test
  default void clear_dropsThePartitionsIndices_only() {
    Partition otherTenant = store().partition().withTenant("other " + runId());
    store(otherTenant).put(key("o"), tagged("v", "a"), Condition.always(), now(), false);
    store().put(key("k"), tagged("v", "a"), Condition.always(), now(), false);

    store().clear();

    assertEquals(Map.of(), members("a"));
    IndexPage page = store(otherTenant).indices().members("a", null, 100);
    assertFalse(page.members().isEmpty());
    assertTrue(plain(page.members().get(0).key()).equals("o"));
  }
}

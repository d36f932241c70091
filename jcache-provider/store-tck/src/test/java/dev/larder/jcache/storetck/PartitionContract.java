package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoredEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Partitions keep entries apart: the same key in partitions that differ in any one part, however
 * the names are spelled, are different entries, and clearing or walking one partition never touches
 * another.
 */
public interface PartitionContract extends StoreFixture {

  /** Names a store must encode rather than forbid or confuse. */
  List<String> AWKWARD_NAMES =
      List.of(
          "",
          " ",
          "with space",
          "a:b",
          "a/b",
          "a\\b",
          "{hash tag}",
          "*?[]%",
          "line\nbreak",
          "tab\there",
          "ünïcödé €",
          "😀",
          "a.b,c(d)",
          "larder");

  private Partition base() {
    return new Partition("tenant", "namespace", "cache " + runId());
  }

  /** Puts a value naming its partition under the same key in each partition, and checks them. */
  private void assertKeptApart(List<Partition> partitions) {
    assertEquals(partitions.size(), new LinkedHashSet<>(partitions).size(), "test bug: duplicates");
    for (Partition partition : partitions) {
      store(partition).put(key("k"), write(partition.toString()), Condition.always(), now(), false);
    }
    for (Partition partition : partitions) {
      StoredEntry entry = store(partition).get(key("k"));
      assertNotNull(entry, "lost in " + partition);
      assertEquals(partition.toString(), plain(entry.value()), "read in " + partition);
      assertEquals(List.of("k"), walkKeys(store(partition), 100), "keys of " + partition);
    }
  }

  @Test
  default void partitions_differingOnlyByTenant_keepEntriesApart() {
    assertKeptApart(List.of(base(), base().withTenant("other tenant"), base().withTenant("")));
  }

  @Test
  default void partitions_differingOnlyByNamespace_keepEntriesApart() {
    assertKeptApart(List.of(base(), base().withNamespace("other ns"), base().withNamespace("")));
  }

  @Test
  default void partitions_differingOnlyByCache_keepEntriesApart() {
    Partition base = base();
    assertKeptApart(
        List.of(
            base,
            new Partition(base.tenant(), base.namespace(), base.cache() + " other"),
            new Partition(base.tenant(), base.namespace(), base.cache().toUpperCase())));
  }

  @Test
  default void partitions_withAwkwardNames_workAndStayApart() {
    String id = runId();
    List<Partition> partitions = new ArrayList<>();
    for (String name : AWKWARD_NAMES) {
      partitions.add(new Partition(name, id, "c"));
      partitions.add(new Partition(id, name, "c"));
      partitions.add(new Partition(id, "n", name + "|" + id));
      partitions.add(new Partition(id, "n", id + name));
    }
    assertKeptApart(partitions);
  }

  @Test
  default void partitions_whollyEmptyNames_work() {
    assertKeptApart(List.of(new Partition("", "", ""), new Partition("", "", runId())));
  }

  @Test
  default void partitions_whoseJoinedNamesWouldCollide_stayApart() {
    String id = runId();
    List<Partition> partitions = new ArrayList<>();
    for (String sep : List.of(":", "/", "|", ".", "\u0000", "")) {
      partitions.add(new Partition("a" + sep + "b", "c", id + sep));
      partitions.add(new Partition("a", "b" + sep + "c", id + sep));
      partitions.add(new Partition("a", "b", "c" + sep + id + sep));
    }
    assertKeptApart(new ArrayList<>(new LinkedHashSet<>(partitions)));
  }

  @Test
  default void clear_removesEveryEntryOfThePartition() {
    given("a", "1");
    givenExpired("b", "2");
    given("c", expiringWrite("3"));

    store().clear();

    assertNull(store().get(key("a")));
    assertNull(store().get(key("b")));
    assertNull(store().get(key("c")));
    assertTrue(walkKeys(store(), 100).isEmpty());
  }

  @Test
  default void clear_leavesOtherPartitionsUntouched() {
    Partition base = base();
    List<Partition> siblings =
        List.of(
            base.withTenant("t2"),
            base.withNamespace("n2"),
            new Partition(base.tenant(), base.namespace(), base.cache() + "2"),
            new Partition(base.tenant() + ":" + base.namespace(), "", base.cache()));
    store(base).put(key("k"), write("cleared"), Condition.always(), now(), false);
    for (Partition sibling : siblings) {
      store(sibling).put(key("k"), write("kept"), Condition.always(), now(), false);
    }

    store(base).clear();

    assertNull(store(base).get(key("k")));
    for (Partition sibling : siblings) {
      StoredEntry entry = store(sibling).get(key("k"));
      assertNotNull(entry, "clear of " + base + " reached " + sibling);
      assertEquals("kept", plain(entry.value()));
    }
  }

  @Test
  default void keys_stayWithinTheirPartition() {
    Partition base = base();
    Partition other = base.withTenant("other");
    for (int i = 0; i < 10; i++) {
      store(base).put(key("mine" + i), write("v"), Condition.always(), now(), false);
      store(other).put(key("theirs" + i), write("v"), Condition.always(), now(), false);
    }

    Set<Object> walked = new LinkedHashSet<>(walkKeys(store(base), 3));

    assertEquals(10, walked.size());
    assertTrue(walked.stream().allMatch(k -> ((String) k).startsWith("mine")), walked::toString);
  }

  @Test
  default void store_forOnePartitionTwice_seesTheSameEntries() {
    Partition partition = base();
    Store first = store(partition);
    Store second = store(partition);

    first.put(key("k"), write("v"), Condition.always(), now(), false);

    assertEquals("v", plain(second.get(key("k")).value()));
    assertEquals(partition, second.partition());
  }
}

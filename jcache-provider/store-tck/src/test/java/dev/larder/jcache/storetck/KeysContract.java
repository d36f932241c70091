package dev.larder.jcache.storetck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walking a partition's keys page by page. A store may ignore the page size; for a partition that
 * does not change during the walk, every key comes back exactly once.
 */
public interface KeysContract extends StoreFixture {

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100, 10_000})
  default void keys_ofEmptyPartition_areNone(int pageSize) {
    assertTrue(walkKeys(store(), pageSize).isEmpty());
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 100, 10_000})
  default void keys_walkEveryKeyOfAStaticPartitionExactlyOnce(int pageSize) {
    Set<Object> expected = new HashSet<>();
    for (int i = 0; i < 150; i++) {
      given("k" + i, "v");
      expected.add("k" + i);
    }

    List<Object> walked = walkKeys(store(), pageSize);

    assertEquals(expected.size(), walked.size(), "keys met more than once: " + walked);
    assertEquals(expected, new HashSet<>(walked));
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 100})
  default void keys_afterRemovals_leaveOutRemovedKeys(int pageSize) {
    for (int i = 0; i < 20; i++) {
      given("k" + i, "v");
    }
    for (int i = 0; i < 20; i += 2) {
      store().remove(key("k" + i), Condition.always(), now(), false);
    }

    Set<Object> walked = new HashSet<>(walkKeys(store(), pageSize));

    assertEquals(10, walked.size());
    for (int i = 1; i < 20; i += 2) {
      assertTrue(walked.contains("k" + i), "k" + i);
    }
  }
}

package dev.larder.jcache.memory;

import dev.larder.jcache.spi.IndexMember;
import dev.larder.jcache.spi.IndexPage;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indices of one memory partition: index name to (key to the version that filed it). Keys are
 * filed inside the entry's atomic write or right after it ({@link MemoryStore}); stale members
 * leave when the core finds them. Like {@link MemoryStore#keys}, an index is walked as one page.
 * Thread-safe.
 */
final class MemoryIndices implements IndexStore {

  private final ConcurrentHashMap<String, ConcurrentHashMap<Object, Long>> indices =
      new ConcurrentHashMap<>();

  void file(Object key, long version, Set<String> tags) {
    for (String tag : tags) {
      indices.computeIfAbsent(tag, t -> new ConcurrentHashMap<>()).put(key, version);
    }
  }

  @Override
  public IndexPage members(String index, String cursor, int pageSize) {
    if (cursor != null) {
      throw new StoreException(
          "the memory store got an index cursor it never issued; start with a null cursor");
    }
    Map<Object, Long> members = indices.getOrDefault(index, new ConcurrentHashMap<>());
    List<IndexMember> page = new ArrayList<>(members.size());
    members.forEach((key, version) -> page.add(new IndexMember(key, version)));
    return new IndexPage(page, null);
  }

  @Override
  public void removeStale(String index, List<IndexMember> members) {
    Map<Object, Long> filed = indices.get(index);
    if (filed == null) {
      return;
    }
    members.forEach(member -> filed.remove(member.key(), member.version()));
    indices.computeIfPresent(index, (name, keys) -> keys.isEmpty() ? null : keys);
  }

  void clear() {
    indices.clear();
  }
}

package dev.larder.jcache.spi;

import java.util.List;

/**
 * The indices of one partition: for each index name (a tag of {@link Write#tags()}), the keys whose
 * entries were written with that tag. An optional capability of a {@link Store}, exposed by {@link
 * Store#indices()}.
 *
 * <p>A store that has indices files a key under every tag of a write, with the write's version,
 * when the write applies: atomically with it, or right after it. It never needs to unfile keys when
 * entries are removed, expire or are rewritten without a tag: an index is a superset, and the core
 * filters members against their entries on every read and drops the stale ones with {@link
 * #removeStale}. {@link Store#clear()} drops the partition's indices too. Thread-safe.
 */
public interface IndexStore {

  /**
   * One page of the members of an index. Pages may overlap or miss keys filed during the walk,
   * never keys filed throughout it.
   *
   * @param cursor null for the first page, else the cursor of the previous page
   * @param pageSize a hint for the number of members per page
   */
  IndexPage members(String index, String cursor, int pageSize);

  /**
   * Unfiles members the core found stale, each only if it is still filed with the same version (so
   * a key filed again by a newer write stays).
   */
  void removeStale(String index, List<IndexMember> members);
}

package dev.larder.jcache.spi;

import java.util.List;

/**
 * One partition of a backend: the only seam a backend implements. All JCache semantics (expiry
 * rules, listeners, loaders, writers, statistics) live above it in the core.
 *
 * <p>Keys and values are in the backend's representation: live Java objects when {@link
 * Backend#storesObjects()} is true, otherwise {@code byte[]}. Every method is atomic per key and
 * safe to call from many threads. Every method throws only {@link StoreException}.
 * Read-modify-write is the core's: a compare-and-set over {@link #get} and the version condition,
 * so a store never runs user code and a closure never has to cross to a server.
 *
 * <p>Reads return entries whether or not they have expired; the core decides with its clock. A
 * backend's native TTL is only a garbage backstop.
 */
public interface Store {

  /** The partition this store confines every operation to. */
  Partition partition();

  /** The raw stored entry, expired or not, or null. */
  StoredEntry get(Object key);

  /**
   * Reads an entry and, if it is live at {@code now}, sets its expiry to {@code expiresAt}, in one
   * step where the store can (the access-expiry rule of JCache). Returns the entry as read, before
   * the change.
   */
  default StoredEntry getAndTouch(Object key, long now, long expiresAt) {
    StoredEntry entry = get(key);
    if (entry != null && !entry.isExpiredAt(now) && entry.expiresAt() != expiresAt) {
      touch(key, entry.version(), expiresAt);
    }
    return entry;
  }

  /** Raw entries for many keys in one round trip per server; the list is aligned with the keys. */
  List<StoredEntry> getAll(List<?> keys);

  /**
   * Stores a value if the condition holds at {@code now}; its expiry follows {@link
   * Write#toEntry(StoredEntry)} and its version is {@link Write#version()}.
   *
   * <p>A write that finds its own version already stored is a retry of itself (a client library
   * sent it again after its first reply was lost, and the first attempt had applied): the store
   * reports it applied, whatever the condition, with no previous entry (what it replaced is no
   * longer known). An unconditional write that returns its previous entry reports none when that
   * entry is itself.
   *
   * @param returnPrevious whether the result must carry the entry that was there before
   */
  WriteResult put(Object key, Write write, Condition condition, long now, boolean returnPrevious);

  /**
   * Stores many values unconditionally, batched per server; {@code writes} aligns with keys. Each
   * write's expiry follows {@link Write#toEntry(StoredEntry)}.
   */
  void putAll(List<?> keys, List<Write> writes);

  /** Removes the entry if the condition holds at {@code now}. */
  WriteResult remove(Object key, Condition condition, long now, boolean returnPrevious);

  /** Removes many entries unconditionally, batched per server. */
  void removeAll(List<?> keys);

  /**
   * Changes only the expiry of the entry, if its version still matches.
   *
   * @return whether the entry was changed
   */
  boolean touch(Object key, long version, long expiresAt);

  /**
   * Changes the expiry of many entries, each only if its version still matches; aligned lists.
   * Batched per server where the store can (the access-expiry rule of a {@code getAll} or a page of
   * iteration costs one round trip, not one per key). The default touches one by one.
   */
  default void touchAll(List<?> keys, List<Long> versions, List<Long> expiries) {
    for (int i = 0; i < keys.size(); i++) {
      touch(keys.get(i), versions.get(i), expiries.get(i));
    }
  }

  /**
   * One page of this partition's keys. Pages may overlap or miss keys written during the walk,
   * never keys present throughout it.
   *
   * @param cursor null for the first page, else the cursor of the previous page
   * @param pageSize a hint for the number of keys per page
   */
  KeyPage keys(String cursor, int pageSize);

  /** Removes every entry of this partition, and its indices, and nothing outside it. */
  void clear();

  /**
   * This partition's indices, for stores that keep them (see {@link IndexStore} for what a store
   * that keeps them promises on every write carrying tags).
   *
   * @throws UnsupportedOperationException when this store keeps no indices
   */
  default IndexStore indices() {
    throw new UnsupportedOperationException(
        "LARDER-060: the store of cache '"
            + partition().cache()
            + "' ("
            + getClass().getSimpleName()
            + ") keeps no indices; write without index names, or use a backend that has them"
            + " (memory, Redis)");
  }
}

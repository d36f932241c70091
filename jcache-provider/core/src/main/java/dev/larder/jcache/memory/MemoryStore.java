package dev.larder.jcache.memory;

import com.github.benmanes.caffeine.cache.Cache;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One partition of a {@link MemoryBackend}. Every single-key write that depends on the entry it
 * replaces (a condition, a previous value to return, an expiry kept from it) runs inside Caffeine's
 * per-key atomic {@code compute}, so conditions are evaluated, previous entries read and versions
 * assigned atomically with the change; a write that depends on nothing is a plain {@code put}, as
 * atomic per key.
 *
 * <p>Bulk operations are atomic per key, not across keys. {@link #keys} returns the whole partition
 * as one page (see there). Thread-safe; the backend keeps one per partition and every cache on that
 * partition shares it.
 */
final class MemoryStore implements Store {

  private final Partition partition;
  private final MemoryBackend backend;
  private final Reaper reaper;

  /** What the reaper reclaims from: this partition's cache of the moment. */
  private final Supplier<Cache<Object, StoredEntry>> owner = () -> this.cache;

  /**
   * The partition's Caffeine cache; the backend replaces it when the partition's bound changes kind
   * and drops it when closed (null).
   */
  volatile Cache<Object, StoredEntry> cache;

  MemoryStore(Partition partition, MemoryBackend backend) {
    this.partition = partition;
    this.backend = backend;
    this.reaper = backend.reaper();
  }

  /** Notes an entry just stored, so it is reclaimed once expired; returns it. */
  private StoredEntry tracked(Object key, StoredEntry entry) {
    if (entry != null) {
      reaper.track(owner, key, entry);
    }
    return entry;
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public StoredEntry get(Object key) {
    return cache("get").getIfPresent(Objects.requireNonNull(key, "key"));
  }

  @Override
  public List<StoredEntry> getAll(List<?> keys) {
    Cache<Object, StoredEntry> cache = cache("getAll");
    List<StoredEntry> entries = new ArrayList<>(keys.size());
    for (Object key : keys) {
      entries.add(cache.getIfPresent(Objects.requireNonNull(key, "key")));
    }
    return entries;
  }

  @Override
  public WriteResult put(
      Object key, Write write, Condition condition, long now, boolean returnPrevious) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(condition, "condition");
    if (condition.kind() == Condition.Kind.ALWAYS && !returnPrevious && !write.dependsOnCurrent()) {
      // nothing depends on the entry replaced: a plain put, as putAll does (no remapping function
      // to allocate, no per-key lock held while the entry is built)
      StoredEntry entry = write.toEntry();
      cache("put").put(key, entry);
      landed(key, entry);
      return WriteResult.of(true);
    }
    ConditionalWrite change = new ConditionalWrite(write, condition, now, returnPrevious);
    cache("put").asMap().compute(key, change);
    return change.result;
  }

  @Override
  public void putAll(List<?> keys, List<Write> writes) {
    requireAligned(keys, writes, "putAll");
    Cache<Object, StoredEntry> cache = cache("putAll");
    for (int i = 0; i < keys.size(); i++) {
      Object key = Objects.requireNonNull(keys.get(i), "key");
      Write write = Objects.requireNonNull(writes.get(i), "write");
      if (write.dependsOnCurrent()) {
        cache.asMap().compute(key, (k, current) -> filed(k, tracked(k, write.toEntry(current))));
      } else {
        StoredEntry entry = write.toEntry();
        cache.put(key, entry);
        landed(key, entry);
      }
    }
  }

  @Override
  public WriteResult remove(Object key, Condition condition, long now, boolean returnPrevious) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(condition, "condition");
    ConditionalWrite change = new ConditionalWrite(null, condition, now, returnPrevious);
    cache("remove").asMap().compute(key, change);
    return change.result;
  }

  @Override
  public void removeAll(List<?> keys) {
    Cache<Object, StoredEntry> cache = cache("removeAll");
    for (Object key : keys) {
      cache.invalidate(Objects.requireNonNull(key, "key"));
    }
  }

  @Override
  public boolean touch(Object key, long version, long expiresAt) {
    Objects.requireNonNull(key, "key");
    boolean[] touched = new boolean[1];
    cache("touch")
        .asMap()
        .computeIfPresent(
            key,
            (k, current) -> {
              if (current.version() != version) {
                return current;
              }
              touched[0] = true;
              return tracked(k, current.withExpiresAt(expiresAt));
            });
    return touched[0];
  }

  /**
   * The whole partition in one page, from a snapshot of its keys taken now; {@code pageSize} is
   * ignored. Paging would not save memory here: a consistent walk needs the snapshot either way,
   * and a partition's keys are already in this JVM.
   *
   * @throws StoreException for a non-null cursor, since this store never hands one out
   */
  @Override
  public KeyPage keys(String cursor, int pageSize) {
    if (cursor != null) {
      throw new StoreException(
          "memory store of cache '"
              + partition.cache()
              + "' got a key cursor it never issued; start the walk with a null cursor");
    }
    return new KeyPage(List.copyOf(cache("keys").asMap().keySet()), null);
  }

  @Override
  public void clear() {
    cache("clear").invalidateAll();
    backend.indices(partition).clear();
  }

  @Override
  public IndexStore indices() {
    cache("indices");
    return backend.indices(partition);
  }

  /**
   * After a plain {@code put} outside a {@code compute}: notes the entry for the reaper once it is
   * stored (noted before, a stalled writer could have its record used up before the entry landed)
   * and files it in its indices (after the write, a member is never newer than its entry).
   */
  private void landed(Object key, StoredEntry entry) {
    tracked(key, entry);
    filed(key, entry);
  }

  /** Files a tagged entry in its indices, inside the write's atomic section or right after it. */
  private StoredEntry filed(Object key, StoredEntry entry) {
    if (!entry.tags().isEmpty()) {
      backend.indices(partition).file(key, entry.version(), entry.tags());
    }
    return entry;
  }

  /** Reclaims due entries and runs Caffeine's pending maintenance (evicting) now; for tests. */
  void cleanUp() {
    reaper.reapDue();
    cache("cleanUp").cleanUp();
  }

  /** Caffeine's estimate of the number of entries held, reclaimed ones excluded; for tests. */
  long estimatedSize() {
    return cache("estimatedSize").estimatedSize();
  }

  @Override
  public String toString() {
    return "MemoryStore[" + partition + "]";
  }

  /**
   * A conditional write (or, without a write, a removal) run inside Caffeine's per-key {@code
   * compute}; it keeps its outcome, so a write allocates this one object besides its entry.
   */
  private final class ConditionalWrite implements BiFunction<Object, StoredEntry, StoredEntry> {
    private final Write write;
    private final Condition condition;
    private final long now;
    private final boolean returnPrevious;
    WriteResult result;

    ConditionalWrite(Write write, Condition condition, long now, boolean returnPrevious) {
      this.write = write;
      this.condition = condition;
      this.now = now;
      this.returnPrevious = returnPrevious;
    }

    @Override
    public StoredEntry apply(Object key, StoredEntry current) {
      if (write != null && current != null && current.version() == write.version()) {
        // this very write is stored already (a retry of it): applied, what it replaced unknown
        result = WriteResult.replayedWrite();
        return current;
      }
      boolean applied = condition.test(current, now);
      result = WriteResult.of(applied, current, now, returnPrevious);
      if (!applied) {
        return current;
      }
      return write == null ? null : filed(key, tracked(key, write.toEntry(current)));
    }
  }

  private Cache<Object, StoredEntry> cache(String operation) {
    Cache<Object, StoredEntry> cache = this.cache;
    if (cache == null) {
      throw backend.closedError(partition, operation);
    }
    return cache;
  }

  private void requireAligned(List<?> keys, List<?> values, String operation) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          operation
              + " on cache '"
              + partition.cache()
              + "' got "
              + keys.size()
              + " keys but "
              + values.size()
              + " writes; they must align");
    }
  }
}

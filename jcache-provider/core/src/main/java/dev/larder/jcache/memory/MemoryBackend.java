package dev.larder.jcache.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoreSettings;
import dev.larder.jcache.spi.StoredEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory backend: live Java objects, one Caffeine cache per {@link Partition}, created on first
 * use. Keys compare with {@code equals}/{@code hashCode}; values are stored as given, never copied
 * (store-by-value copies are the core's job).
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Versions are random 64-bit numbers, never 0: a key's next version equals one it had before
 *       with a chance of 2^-64, as on the remote backends.
 *   <li>Expired entries stay readable (the core decides expiry with its clock) until {@link
 *       #DEFAULT_RECLAIM_DELAY} after their expiry, then the {@link Reaper} drops them without
 *       waiting for a read. It follows this backend's clock, so it never drops an entry before that
 *       clock says it expired.
 *   <li>A partition is unbounded unless its {@link StoreSettings} bound it; then Caffeine evicts
 *       down to the maximum. The latest settings given for a partition win.
 * </ul>
 *
 * <p>Thread-safe. Closing drops every entry; afterwards every operation throws {@link
 * StoreException}.
 */
final class MemoryBackend implements Backend {

  /**
   * How long an expired entry stays readable before Caffeine may reclaim it: long enough for the
   * core to see it as expired (and report it), short enough not to hold memory.
   */
  static final Duration DEFAULT_RECLAIM_DELAY = Duration.ofSeconds(1);

  private final Reaper reaper;
  private final Clock clock;
  private final ConcurrentHashMap<Partition, MemoryIndices> indices = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Partition, MemoryQueue> queues = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Partition, MemoryLock> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Partition, MemoryStore> partitions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  MemoryBackend(Clock clock) {
    this(clock, DEFAULT_RECLAIM_DELAY);
  }

  MemoryBackend(Clock clock, Duration reclaimDelay) {
    this.reaper = new Reaper(Objects.requireNonNull(clock, "clock"), reclaimDelay.toMillis());
    this.clock = clock;
  }

  @Override
  public boolean storesObjects() {
    return true;
  }

  @Override
  public Store store(Partition partition, StoreSettings settings) {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(settings, "settings");
    ensureOpen(partition, "store");
    MemoryStore store =
        partitions.compute(
            partition,
            (p, existing) -> {
              MemoryStore next = existing == null ? new MemoryStore(p, this) : existing;
              next.cache = reconfigure(next.cache, settings);
              return next;
            });
    if (closed) { // lost a race with close(): leave nothing behind
      partitions.remove(partition);
      store.cache = null;
      ensureOpen(partition, "store");
    }
    return store;
  }

  @Override
  public QueueStore queue(Partition queue) {
    ensureOpen(queue, "queue");
    return queues.computeIfAbsent(queue, MemoryQueue::new);
  }

  @Override
  public LockStore lock(Partition lock) {
    ensureOpen(lock, "lock");
    return locks.computeIfAbsent(lock, p -> new MemoryLock(p, clock));
  }

  /** The indices of a partition. */
  MemoryIndices indices(Partition partition) {
    return indices.computeIfAbsent(partition, p -> new MemoryIndices());
  }

  @Override
  public String description() {
    return MemoryStoreProvider.SCHEME;
  }

  @Override
  public void close() {
    closed = true;
    reaper.close();
    partitions
        .values()
        .forEach(
            store -> {
              Cache<Object, StoredEntry> cache = store.cache;
              store.cache = null;
              if (cache != null) {
                cache.invalidateAll();
              }
            });
    partitions.clear();
    indices.clear();
    queues.clear();
    locks.clear();
  }

  Reaper reaper() {
    return reaper;
  }

  /** Thrown to a store whose partition is gone: its backend was closed. */
  StoreException closedError(Partition partition, String operation) {
    ensureOpen(partition, operation);
    return new StoreException(
        "memory store of cache '" + partition.cache() + "' has no partition (" + operation + ")");
  }

  private void ensureOpen(Partition partition, String operation) {
    if (closed) {
      throw new StoreException(
          operation
              + " on cache '"
              + partition.cache()
              + "' after its memory backend was closed; get the cache from an open CacheManager");
    }
  }

  /**
   * Keeps the partition's cache when its bound can be adjusted in place, else moves its entries to
   * a new cache built for the new settings (only when switching between bounded and unbounded,
   * which happens when a destroyed cache is recreated with another configuration).
   */
  private Cache<Object, StoredEntry> reconfigure(
      Cache<Object, StoredEntry> existing, StoreSettings settings) {
    if (existing == null) {
      return newCache(settings);
    }
    Optional<Policy.Eviction<Object, StoredEntry>> eviction = existing.policy().eviction();
    if (settings.bounded() && eviction.isPresent()) {
      if (eviction.get().getMaximum() != settings.maximumSize()) {
        eviction.get().setMaximum(settings.maximumSize());
      }
      return existing;
    }
    if (!settings.bounded() && eviction.isEmpty()) {
      return existing;
    }
    Cache<Object, StoredEntry> replacement = newCache(settings);
    replacement.putAll(existing.asMap());
    existing.invalidateAll();
    return replacement;
  }

  private Cache<Object, StoredEntry> newCache(StoreSettings settings) {
    // no Caffeine expiry: the core decides expiry and the reaper reclaims (see Reaper for why)
    Caffeine<Object, Object> builder = Caffeine.newBuilder();
    if (settings.bounded()) {
      builder.maximumSize(settings.maximumSize());
    }
    return builder.build();
  }
}

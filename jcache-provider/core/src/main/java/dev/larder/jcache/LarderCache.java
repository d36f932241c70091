package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.WriteOptions;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.WriteResult;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.event.EventType;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} over one partition of a Larder store. Each method reads as the spec's
 * sentence; the shared steps live in {@link CacheRuntime}, bulk operations in {@link
 * BulkOperations}, entry processors in {@link Invoker}. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LarderCache<K, V> implements Cache<K, V> {

  private final LarderCacheManager manager;
  private final CacheRuntime<K, V> runtime;
  private final BulkOperations<K, V> bulk;
  private final Invoker<K, V> invoker;
  private final DeclarativeWrites<K, V> declarative;
  private final ConditionalWrites<K, V> conditional;
  private final LarderCache<K, V> root;
  private final ConcurrentMap<Partition, LarderCache<K, V>> views;
  private volatile boolean closed;

  LarderCache(LarderCacheManager manager, Function<Cache<K, V>, CacheRuntime<K, V>> runtime) {
    this.manager = manager;
    this.root = null;
    this.views = new ConcurrentHashMap<>();
    this.runtime = runtime.apply(this);
    this.declarative = new DeclarativeWrites<>(this.runtime);
    this.conditional = new ConditionalWrites<>(this.runtime, declarative);
    this.bulk = new BulkOperations<>(this.runtime, manager.executor());
    this.invoker = new Invoker<>(this.runtime);
  }

  /** A view of {@code root} with another runtime: another partition, or another writer. */
  private LarderCache(LarderCache<K, V> root, CacheRuntime<K, V> runtime) {
    this.manager = root.manager;
    this.root = root;
    this.views = root.views;
    this.runtime = runtime;
    this.declarative = new DeclarativeWrites<>(this.runtime);
    this.conditional = new ConditionalWrites<>(this.runtime, declarative);
    this.bulk = new BulkOperations<>(this.runtime, manager.executor());
    this.invoker = new Invoker<>(this.runtime);
  }

  CacheRuntime<K, V> runtime() {
    return runtime;
  }

  /** The partition (tenant, namespace, cache) every operation of this cache is confined to. */
  public Partition partition() {
    return runtime.store.partition();
  }

  /**
   * This cache as seen by one tenant: every operation, {@code clear} included, touches only that
   * tenant's entries. Any string is a legal tenant; {@link Partition#GLOBAL} is the shared scope
   * this cache itself uses. Views share the cache's configuration, listeners, statistics and
   * lifecycle: closing a view closes the cache.
   */
  public LarderCache<K, V> forTenant(String tenant) {
    requireNonNull(tenant, "tenant");
    return view(partition().withTenant(tenant));
  }

  /** This cache within a namespace (for example one application's), like {@link #forTenant}. */
  public LarderCache<K, V> inNamespace(String namespace) {
    requireNonNull(namespace, "namespace");
    return view(partition().withNamespace(namespace));
  }

  /**
   * This cache recording {@code writer} as who wrote every entry it writes, in its entries'
   * metadata ({@link ExtendedCache#metadata}). Tenant and namespace views of it keep the writer.
   */
  public LarderCache<K, V> as(String writer) {
    requireOpen();
    WriteOptions.by(writer);
    return new LarderCache<>(root == null ? this : root, runtime.withWriter(writer));
  }

  /** Clears this cache's own partition and every tenant or namespace view opened on it. */
  void clearAllPartitions() {
    runtime.store.clear();
    views.values().forEach(view -> view.runtime.store.clear());
  }

  private LarderCache<K, V> view(Partition partition) {
    requireOpen();
    LarderCache<K, V> base = root == null ? this : root;
    LarderCache<K, V> scoped =
        partition.equals(base.partition())
            ? base
            : views.computeIfAbsent(
                partition, p -> new LarderCache<>(base, base.runtime.inPartition(p)));
    return runtime.writer == null ? scoped : scoped.as(runtime.writer);
  }

  /** For {@link #get}: the clock was not read (nothing needed it). */
  private static final long NOT_READ = Long.MIN_VALUE;

  @Override
  public V get(K key) {
    requireOpen();
    requireNonNull(key, "key");
    CacheRuntime<K, V> rt = runtime;
    if (!rt.plainReads || rt.statistics.isEnabled()) {
      return getWithBookkeeping(key);
    }
    // the common read (fixed expiry, no access expiry, no statistics) is kept this small so that
    // the JIT inlines it into the caller; everything else is in getWithBookkeeping
    Object storedKey = rt.keys.encodeForLookup(key);
    StoredEntry entry;
    try {
      entry = rt.store.get(storedKey);
    } catch (StoreException e) {
      throw rt.failure("get", e);
    }
    if (entry != null
        && (entry.expiresAt() == StoredEntry.ETERNAL || !entry.isExpiredAt(rt.now()))) {
      return rt.values.decode(entry.value());
    }
    return missed(key, storedKey, entry);
  }

  /** {@link #get} with statistics, access expiry or a non-constant expiry policy. */
  private V getWithBookkeeping(K key) {
    long start = runtime.statistics.start();
    Object storedKey = runtime.keys.encodeForLookup(key);
    boolean touchInRead = runtime.expiry.touchesOnAccess();
    // the clock is read only when something depends on it: eternal entries under a fixed policy
    // need no time at all (a clock read costs as much as the lookup)
    long now = touchInRead || !runtime.expiry.isConstant() ? runtime.now() : NOT_READ;
    StoredEntry entry;
    try {
      // the hot path calls the store directly: no capturing lambda to allocate per read
      entry =
          touchInRead
              ? runtime.store.getAndTouch(storedKey, now, runtime.expiry.onAccess(now))
              : runtime.store.get(storedKey);
    } catch (StoreException e) {
      throw runtime.failure("get", e);
    }
    if (entry != null && now == NOT_READ && entry.expiresAt() != StoredEntry.ETERNAL) {
      now = runtime.now();
    }
    V value;
    if (entry != null && (now == NOT_READ || !entry.isExpiredAt(now))) {
      runtime.statistics.recordHits(1);
      if (!touchInRead && !runtime.expiry.isConstant()) {
        runtime.touchOnAccess(storedKey, entry, now);
      }
      value = runtime.values.decode(entry.value());
    } else {
      value = missed(key, storedKey, entry);
    }
    runtime.statistics.recordGetTime(start);
    return value;
  }

  /** A read found no live entry: drops an expired one, counts the miss, reads through. */
  private V missed(K key, Object storedKey, StoredEntry entry) {
    if (entry != null) {
      runtime.expire(key, storedKey, entry);
    }
    runtime.statistics.recordMisses(1);
    return runtime.integration.readThrough() ? bulk.loadOne(key) : null;
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    return bulk.getAll(keys);
  }

  @Override
  public boolean containsKey(K key) {
    requireOpen();
    requireNonNull(key, "key");
    StoredEntry entry =
        runtime.call("check for a key", () -> runtime.store.get(runtime.keys.encodeForLookup(key)));
    return CacheRuntime.isLive(entry, runtime.now());
  }

  @Override
  public void loadAll(
      Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    requireOpen();
    bulk.loadAll(keys, replaceExistingValues, listener);
  }

  @Override
  public void put(K key, V value) {
    putAndGetPrevious(key, value, false, "put");
  }

  @Override
  public V getAndPut(K key, V value) {
    return putAndGetPrevious(key, value, true, "get and put");
  }

  private V putAndGetPrevious(K key, V value, boolean statsGet, String operation) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    long start = runtime.statistics.start();
    runtime.integration.write(key, value);
    Object storedKey = runtime.keys.encode(key);
    Object storedValue = runtime.values.encode(value);
    Change declared = declarative.put(storedKey, storedValue, statsGet);
    Change change =
        declared != null
            ? declared
            : runtime.call(
                operation,
                () ->
                    runtime.store.compute(
                        storedKey, current -> runtime.upsert(current, storedValue)));
    if (change.changed()) {
      runtime.statistics.recordPuts(1);
    }
    if (statsGet) {
      runtime.recordHitOrMiss(change.hadLiveEntry());
      runtime.statistics.recordGetTime(start);
    }
    runtime.statistics.recordPutTime(start);
    runtime.publish(key, value, change);
    return statsGet ? runtime.decode(change.previous()) : null;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    bulk.putAll(map);
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    return conditional.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    requireNonNull(key, "key");
    return removeAndGetPrevious(key, false) != null;
  }

  @Override
  public V getAndRemove(K key) {
    requireOpen();
    requireNonNull(key, "key");
    long start = runtime.statistics.start();
    StoredEntry previous = removeAndGetPrevious(key, true);
    runtime.recordHitOrMiss(previous != null);
    runtime.statistics.recordGetTime(start);
    return runtime.decode(previous);
  }

  /** Deletes through the writer, then removes; returns the live entry that was removed. */
  private StoredEntry removeAndGetPrevious(K key, boolean countGet) {
    long start = runtime.statistics.start();
    runtime.integration.delete(key);
    Object storedKey = runtime.keys.encodeForLookup(key);
    long now = runtime.now();
    WriteResult result =
        runtime.call(
            "remove", () -> runtime.store.remove(storedKey, Condition.ifPresent(), now, true));
    StoredEntry previous = result.applied() ? result.previous() : null;
    if (previous != null) {
      runtime.statistics.recordRemovals(1);
      runtime.statistics.recordRemoveTime(start);
    }
    if (result.expiredPrevious() != null) {
      runtime.expire(key, storedKey, result.expiredPrevious());
    }
    if (previous != null) {
      runtime.publish(key, null, new Change(EventType.REMOVED, previous, null, null));
    }
    return previous;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(oldValue, "oldValue");
    return conditional.removeValue(key, oldValue);
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(oldValue, "oldValue");
    requireNonNull(newValue, "newValue");
    return conditional
        .replace(key, runtime.values.encodeForLookup(oldValue), newValue, false)
        .changed();
  }

  @Override
  public boolean replace(K key, V value) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    return conditional.replace(key, null, value, false).changed();
  }

  @Override
  public V getAndReplace(K key, V value) {
    requireOpen();
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    Change change = conditional.replace(key, null, value, true);
    return change.changed() ? runtime.decode(change.previous()) : null;
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    bulk.removeAll(keys);
  }

  @Override
  public void removeAll() {
    requireOpen();
    bulk.removeAll();
  }

  @Override
  public void clear() {
    requireOpen();
    runtime.call(
        "clear",
        () -> {
          runtime.store.clear();
          return null;
        });
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
    if (type.isInstance(runtime.configuration)) {
      return type.cast(runtime.configuration);
    }
    throw new IllegalArgumentException(
        "cache '" + runtime.name + "' has no configuration of type " + type.getName());
  }

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    return invoker.invoke(key, processor, arguments);
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    return invoker.invokeAll(keys, processor, arguments);
  }

  @Override
  public String getName() {
    return runtime.name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public void close() {
    if (root != null) {
      root.close();
    } else if (!closed) {
      manager.release(this);
    }
  }

  /** Closes without telling the manager; the manager calls this when it closes or destroys. */
  void closeResources() {
    if (closed) {
      return;
    }
    closed = true;
    runtime.events.close();
    bulk.awaitPendingLoads(10_000);
    runtime.integration.close();
    try {
      runtime.expiry.close();
    } catch (java.io.IOException e) {
      System.getLogger(LarderCache.class.getName())
          .log(System.Logger.Level.WARNING, "closing the expiry policy failed", e);
    }
  }

  @Override
  public boolean isClosed() {
    return root != null ? root.isClosed() : closed || manager.isClosed();
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz == ExtendedCache.class) {
      return clazz.cast(new CacheExtensions<>(this));
    }
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException(
        "cache '" + runtime.name + "' cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    requireOpen();
    requireNonNull(configuration, "configuration");
    runtime.events.register(configuration);
    runtime.configuration.addCacheEntryListenerConfiguration(configuration);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
    requireOpen();
    requireNonNull(configuration, "configuration");
    runtime.events.deregister(configuration);
    runtime.configuration.removeCacheEntryListenerConfiguration(configuration);
  }

  @Override
  public Iterator<Entry<K, V>> iterator() {
    requireOpen();
    return new CacheIterator<>(runtime, this::remove);
  }

  void requireOpen() {
    // the cache's own flag suffices: a closing manager closes each of its caches before it returns
    if ((root == null ? this : root).closed) {
      throw new IllegalStateException(
          "cache '" + runtime.name + "' is closed; get it again from an open CacheManager");
    }
  }

  @Override
  public String toString() {
    return "LarderCache{" + runtime.name + "}";
  }
}

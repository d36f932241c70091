package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.WriteOptions;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} over one partition of a Larder store. Each method reads as the spec's
 * sentence: a single-key write is an operation of {@link KeyWrites} run by the {@link WriteRunner},
 * bulk operations are in {@link BulkOperations}, the shared steps in {@link CacheRuntime}.
 * Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LarderCache<K, V> implements Cache<K, V> {

  private final LarderCacheManager manager;
  private final CacheRuntime<K, V> runtime;
  private final BulkOperations<K, V> bulk;
  private final KeyWrites<K, V> writes;
  private final WriteRunner<K, V> runner;
  private final LarderCache<K, V> root;
  private final ConcurrentMap<Partition, LarderCache<K, V>> views;
  private volatile boolean closed;

  LarderCache(LarderCacheManager manager, Function<Cache<K, V>, CacheRuntime<K, V>> runtime) {
    this.manager = manager;
    this.root = null;
    this.views = new ConcurrentHashMap<>();
    this.runtime = runtime.apply(this);
    this.writes = new KeyWrites<>(this.runtime);
    this.runner = new WriteRunner<>(this.runtime);
    this.bulk = new BulkOperations<>(this.runtime, manager.executor(), writes, runner);
  }

  /** A view of {@code root} with another runtime: another partition, or another writer. */
  private LarderCache(LarderCache<K, V> root, CacheRuntime<K, V> runtime) {
    this.manager = root.manager;
    this.root = root;
    this.views = root.views;
    this.runtime = runtime;
    this.writes = new KeyWrites<>(this.runtime);
    this.runner = new WriteRunner<>(this.runtime);
    this.bulk = new BulkOperations<>(this.runtime, manager.executor(), writes, runner);
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
    requireOpen();
    runner.run(writes.put(key, value, false));
  }

  @Override
  public V getAndPut(K key, V value) {
    requireOpen();
    return runtime.decode(runner.run(writes.put(key, value, true)).previous());
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    bulk.putAll(map);
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    requireOpen();
    return runner.run(writes.putIfAbsent(key, value)).changed();
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    return runner.run(writes.remove(key, null, KeyWrite.Kind.REMOVE)).changed();
  }

  @Override
  public V getAndRemove(K key) {
    requireOpen();
    Change change = runner.run(writes.remove(key, null, KeyWrite.Kind.GET_AND_REMOVE));
    return change.changed() ? runtime.decode(change.previous()) : null;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    requireOpen();
    requireNonNull(oldValue, "oldValue");
    return runner.run(writes.remove(key, oldValue, KeyWrite.Kind.REMOVE_IF_EQUALS)).changed();
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireOpen();
    requireNonNull(oldValue, "oldValue");
    KeyWrite.Kind kind = KeyWrite.Kind.REPLACE_IF_EQUALS;
    return runner.run(writes.replace(key, oldValue, newValue, kind)).changed();
  }

  @Override
  public boolean replace(K key, V value) {
    requireOpen();
    return runner.run(writes.replace(key, null, value, KeyWrite.Kind.REPLACE)).changed();
  }

  @Override
  public V getAndReplace(K key, V value) {
    requireOpen();
    Change change = runner.run(writes.replace(key, null, value, KeyWrite.Kind.GET_AND_REPLACE));
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
    KeyWrites<K, V>.Invoke<T> invocation = writes.invoke(key, processor, arguments);
    runner.run(invocation);
    return invocation.result;
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    requireNonNull(keys, "keys");
    requireNonNull(processor, "processor");
    keys.forEach(key -> requireNonNull(key, "a key in keys"));
    Map<K, EntryProcessorResult<T>> results = new LinkedHashMap<>();
    for (K key : keys) {
      EntryProcessorException failure;
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
        continue;
      } catch (EntryProcessorException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new EntryProcessorException(e);
      }
      EntryProcessorException thrown = failure;
      results.put(
          key,
          () -> {
            throw thrown;
          });
    }
    return results;
  }

  /** The single-key writes of this cache's partition, for its extension view. */
  KeyWrites<K, V> writes() {
    return writes;
  }

  /** The runner of this cache's writes, for its extension view. */
  WriteRunner<K, V> runner() {
    return runner;
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

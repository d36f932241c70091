package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.integration.CacheIntegration.BatchOutcome;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CompletionListener;

/**
 * The operations of a cache that touch many keys: reads in one store round trip, write-through with
 * the spec's partial-failure rules, and loading. Thread-safe.
 */
final class BulkOperations<K, V> {

  private static final int PAGE_SIZE = 500;

  private final CacheRuntime<K, V> runtime;
  private final Executor executor;
  private final Set<CompletableFuture<Void>> pendingLoads = ConcurrentHashMap.newKeySet();
  private final KeyWrites<K, V> writes;
  private final WriteRunner<K, V> runner;

  BulkOperations(
      CacheRuntime<K, V> runtime,
      Executor executor,
      KeyWrites<K, V> writes,
      WriteRunner<K, V> runner) {
    this.runtime = runtime;
    this.executor = executor;
    this.writes = writes;
    this.runner = runner;
  }

  Map<K, V> getAll(Set<? extends K> keys) {
    requireNonNull(keys, "keys");
    keys.forEach(key -> requireNonNull(key, "a key in keys"));
    long start = runtime.statistics.start();
    List<K> order = new ArrayList<>(keys);
    List<Object> storedKeys = new ArrayList<>(order.size());
    order.forEach(key -> storedKeys.add(runtime.keys.encodeForLookup(key)));
    List<StoredEntry> entries = runtime.call("get all", () -> runtime.store.getAll(storedKeys));
    long now = runtime.now();
    Map<K, V> result = new LinkedHashMap<>(order.size() * 4 / 3 + 1);
    List<K> missing = new ArrayList<>();
    List<Object> liveKeys = new ArrayList<>();
    List<StoredEntry> live = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      StoredEntry entry = entries.get(i);
      if (CacheRuntime.isLive(entry, now)) {
        liveKeys.add(storedKeys.get(i));
        live.add(entry);
        result.put(order.get(i), runtime.values.decode(entry.value()));
      } else {
        if (entry != null) {
          runtime.expire(order.get(i), storedKeys.get(i), entry);
        }
        missing.add(order.get(i));
      }
    }
    runtime.touchAllOnAccess(liveKeys, live, now);
    runtime.statistics.recordHits(result.size());
    runtime.statistics.recordMisses(missing.size());
    if (!missing.isEmpty() && runtime.integration.readThrough()) {
      result.putAll(loadAndStore(missing, false));
    }
    runtime.statistics.recordGetTime(start);
    return result;
  }

  /** Read-through for one key: loaded values are stored but not written through or counted. */
  V loadOne(K key) {
    V value = runtime.integration.load(key);
    if (value != null) {
      storeLoaded(key, value, false);
    }
    return value;
  }

  private Map<K, V> loadAndStore(List<K> keys, boolean replaceExisting) {
    Map<K, V> loaded = runtime.integration.loadAll(keys);
    loaded.forEach((key, value) -> storeLoaded(key, value, replaceExisting));
    return loaded;
  }

  private void storeLoaded(K key, V value, boolean replaceExisting) {
    runner.run(writes.load(key, value, replaceExisting));
  }

  void loadAll(Set<? extends K> keys, boolean replaceExisting, CompletionListener listener) {
    requireNonNull(keys, "keys");
    keys.forEach(key -> requireNonNull(key, "a key in keys"));
    CompletionListener done = listener == null ? NO_LISTENER : listener;
    if (!runtime.integration.hasLoader()) {
      done.onCompletion();
      return;
    }
    List<K> wanted = new ArrayList<>(keys);
    CompletableFuture<Void> finished = new CompletableFuture<>();
    pendingLoads.add(finished);
    executor.execute(
        () -> {
          try {
            List<K> toLoad = replaceExisting ? wanted : absent(wanted);
            if (!toLoad.isEmpty()) {
              loadAndStore(toLoad, replaceExisting);
            }
            done.onCompletion();
          } catch (Exception e) {
            done.onException(
                e instanceof CacheLoaderException
                    ? e
                    : new CacheLoaderException("loadAll failed: " + e, e));
          } finally {
            pendingLoads.remove(finished);
            finished.complete(null);
          }
        });
  }

  /**
   * Waits (boundedly) for the loads {@link #loadAll} started to finish, so that closing the cache
   * closes the loader after its last use rather than under a load that would reopen it (TCK
   * CacheLoaderTest#testLoadAllWithExecptionAndNoCompletionListener, whose loader is a socket
   * client that must be closed when the test ends). The wait is short when the store is remote and
   * a load's first read of it is still in flight.
   */
  void awaitPendingLoads(long timeoutMillis) {
    try {
      CompletableFuture.allOf(pendingLoads.toArray(CompletableFuture<?>[]::new))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a load that fails or hangs must not keep the cache from closing
    }
  }

  private List<K> absent(List<K> keys) {
    List<Object> storedKeys = new ArrayList<>(keys.size());
    keys.forEach(key -> storedKeys.add(runtime.keys.encodeForLookup(key)));
    List<StoredEntry> entries = runtime.call("load all", () -> runtime.store.getAll(storedKeys));
    long now = runtime.now();
    List<K> absent = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!CacheRuntime.isLive(entries.get(i), now)) {
        absent.add(keys.get(i));
      }
    }
    return absent;
  }

  void putAll(Map<? extends K, ? extends V> map) {
    requireNonNull(map, "map");
    map.forEach(
        (key, value) -> {
          requireNonNull(key, "a key in map");
          requireNonNull(value, "a value in map");
        });
    long start = runtime.statistics.start();
    BatchOutcome<K> written = runtime.integration.writeAll(map);
    List<CacheEntryEvent<K, V>> batch = new ArrayList<>();
    List<K> keys = new ArrayList<>(map.size());
    List<Object> storedKeys = new ArrayList<>(map.size());
    List<Object> storedValues = new ArrayList<>(map.size());
    for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
      if (!written.failed().contains(e.getKey())) {
        keys.add(e.getKey());
        storedKeys.add(runtime.keys.encode(e.getKey()));
        storedValues.add(runtime.values.encode(e.getValue()));
      }
    }
    long puts = 0;
    if (putAllAtOnce(storedKeys, storedValues)) {
      puts = keys.size();
    } else {
      // one operation per key (the writer has heard them all already): events in one batch
      for (K key : keys) {
        Change change = runner.commit(writes.put(key, map.get(key), false)).change();
        if (change.changed()) {
          puts++;
        }
        runtime.collect(batch, key, map.get(key), change);
      }
    }
    runtime.statistics.recordPuts(puts);
    if (puts > 0) {
      runtime.statistics.recordPutTime(start);
    }
    runtime.events.publish(batch);
    written.throwIfFailed();
  }

  /**
   * Puts many values in one batched store call, when nobody listens and the expiry policy lets a
   * store choose each write's expiry ({@link KeyWrites#declaredWrite}); false if not taken.
   */
  private boolean putAllAtOnce(List<Object> storedKeys, List<Object> storedValues) {
    if (!runtime.events.isEmpty()) {
      return false;
    }
    long now = runtime.now();
    List<Write> batch = new ArrayList<>(storedValues.size());
    for (Object storedValue : storedValues) {
      Write write = writes.declaredWrite(storedValue, now);
      if (write == null) {
        return false;
      }
      batch.add(write);
    }
    runtime.call(
        "put all",
        () -> {
          runtime.store.putAll(storedKeys, batch);
          return null;
        });
    return true;
  }

  void removeAll(Set<? extends K> keys) {
    requireNonNull(keys, "keys");
    keys.forEach(key -> requireNonNull(key, "a key in keys"));
    removeKeys(new ArrayList<>(keys));
  }

  /** Removes every entry, through the writer and with events, page by page. */
  void removeAll() {
    String cursor = null;
    Set<K> all = new LinkedHashSet<>();
    do {
      String from = cursor;
      KeyPage page = runtime.call("remove all", () -> runtime.store.keys(from, PAGE_SIZE));
      page.keys().forEach(storedKey -> all.add(runtime.keys.decode(storedKey)));
      cursor = page.cursor();
    } while (cursor != null);
    removeKeys(new ArrayList<>(all));
  }

  private void removeKeys(List<K> keys) {
    long start = runtime.statistics.start();
    BatchOutcome<K> deleted = runtime.integration.deleteAll(keys);
    if (runtime.events.isEmpty() && !runtime.statistics.isEnabled()) {
      // nobody needs to know which keys held an entry: one batched store call (a pipeline on
      // Redis, BatchWriteItem on DynamoDB) instead of a conditional removal per key
      List<Object> storedKeys = new ArrayList<>(keys.size());
      for (K key : keys) {
        if (!deleted.failed().contains(key)) {
          storedKeys.add(runtime.keys.encodeForLookup(key));
        }
      }
      runtime.call(
          "remove all",
          () -> {
            runtime.store.removeAll(storedKeys);
            return null;
          });
      deleted.throwIfFailed();
      return;
    }
    List<CacheEntryEvent<K, V>> batch = new ArrayList<>();
    long removals = 0;
    long now = runtime.now();
    for (K key : keys) {
      if (deleted.failed().contains(key)) {
        continue;
      }
      Object storedKey = runtime.keys.encodeForLookup(key);
      WriteResult result =
          runtime.call(
              "remove all",
              () -> runtime.store.remove(storedKey, Condition.ifPresent(), now, true));
      if (result.expiredPrevious() != null) {
        runtime.expire(key, storedKey, result.expiredPrevious());
      }
      if (result.applied() && result.previous() != null) {
        removals++;
        runtime.collect(
            batch, key, null, new Change(EventType.REMOVED, result.previous(), null, null));
      }
    }
    runtime.statistics.recordRemovals(removals);
    if (removals > 0) {
      runtime.statistics.recordRemoveTime(start);
    }
    runtime.events.publish(batch);
    deleted.throwIfFailed();
  }

  private static final CompletionListener NO_LISTENER =
      new CompletionListener() {
        @Override
        public void onCompletion() {}

        @Override
        public void onException(Exception e) {}
      };
}

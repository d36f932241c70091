package dev.larder.jcache;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Decision;
import javax.cache.event.EventType;

/**
 * The conditional single-key writes of a cache ({@code putIfAbsent}, {@code remove(k, v)}, the
 * {@code replace}s): the one-round-trip declarative form when it applies, else a read-modify-write
 * in which the writer hears of the change only if it happens; then statistics, access expiry for a
 * value that did not match, and events. Thread-safe.
 */
final class ConditionalWrites<K, V> {

  private final CacheRuntime<K, V> runtime;
  private final DeclarativeWrites<K, V> declarative;

  ConditionalWrites(CacheRuntime<K, V> runtime, DeclarativeWrites<K, V> declarative) {
    this.runtime = runtime;
    this.declarative = declarative;
  }

  /** {@code putIfAbsent}: writes through only when it stores. */
  boolean putIfAbsent(K key, V value) {
    long start = runtime.statistics.start();
    Object storedKey = runtime.keys.encode(key);
    Object storedValue = runtime.values.encode(value);
    Change declared = declarative.putIfAbsent(storedKey, storedValue);
    Change change =
        declared != null
            ? declared
            : runtime.call(
                "put if absent",
                () ->
                    runtime.store.compute(
                        storedKey,
                        current -> {
                          long now = runtime.now();
                          if (CacheRuntime.isLive(current, now)) {
                            return Decision.keep(Change.none(current, null));
                          }
                          runtime.integration.write(key, value);
                          return runtime.create(current, storedValue, now);
                        }));
    runtime.recordHitOrMiss(change.hadLiveEntry());
    if (change.changed()) {
      runtime.statistics.recordPuts(1);
      runtime.statistics.recordPutTime(start);
    }
    runtime.publish(key, value, change);
    return change.changed();
  }

  /** {@code remove(key, oldValue)}: deletes through only when it removes. */
  boolean removeValue(K key, V oldValue) {
    long start = runtime.statistics.start();
    Object storedKey = runtime.keys.encodeForLookup(key);
    Object expected = runtime.values.encodeForLookup(oldValue);
    Change declared = declarative.removeValue(storedKey, expected);
    Change change =
        declared != null
            ? declared
            : runtime.call(
                "remove a value",
                () ->
                    runtime.store.compute(
                        storedKey,
                        current -> {
                          long now = runtime.now();
                          if (!CacheRuntime.isLive(current, now)) {
                            return Decision.keep(Change.NONE);
                          }
                          if (!Condition.ifValue(expected).test(current, now)) {
                            return Decision.keep(Change.none(current, null));
                          }
                          runtime.integration.delete(key);
                          return Decision.remove(
                              new Change(EventType.REMOVED, current, null, null));
                        }));
    runtime.recordHitOrMiss(change.hadLiveEntry());
    if (change.changed()) {
      runtime.statistics.recordRemovals(1);
      runtime.statistics.recordRemoveTime(start);
    } else if (change.hadLiveEntry()) {
      runtime.touchOnAccess(storedKey, change.previous(), runtime.now());
    }
    runtime.publish(key, null, change);
    return change.changed();
  }

  /** Replaces a live entry, if its value equals {@code expected} when that is given. */
  Change replace(K key, Object expected, V value, boolean countGetTime) {
    long start = runtime.statistics.start();
    Object storedKey = runtime.keys.encode(key);
    Object storedValue = runtime.values.encode(value);
    Change declared = declarative.replace(storedKey, expected, storedValue, countGetTime);
    Change change =
        declared != null
            ? declared
            : runtime.call(
                "replace",
                () ->
                    runtime.store.compute(
                        storedKey,
                        current -> {
                          long now = runtime.now();
                          if (!CacheRuntime.isLive(current, now)) {
                            return Decision.keep(Change.NONE);
                          }
                          if (expected != null && !Condition.ifValue(expected).test(current, now)) {
                            return Decision.keep(Change.none(current, null));
                          }
                          runtime.integration.write(key, value);
                          return runtime.upsert(current, storedValue);
                        }));
    runtime.recordHitOrMiss(change.hadLiveEntry());
    if (change.changed()) {
      runtime.statistics.recordPuts(1);
      runtime.statistics.recordPutTime(start);
    } else if (change.hadLiveEntry()) {
      // a replace whose old value did not match counts as an access (JSR-107 expiry table)
      runtime.touchOnAccess(storedKey, change.previous(), runtime.now());
    }
    if (countGetTime) {
      runtime.statistics.recordGetTime(start);
    }
    runtime.publish(key, value, change);
    return change;
  }
}

package dev.larder.jcache;

import dev.larder.jcache.expiry.ExpiryCalculator;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.List;
import java.util.Set;
import javax.cache.event.EventType;

/**
 * The one-round-trip forms of single-key writes: a conditional write the store evaluates itself,
 * instead of a read followed by a compare-and-set. They apply only when every JCache rule can be
 * decided before the write: the expiry policy is one of the standard, fixed-duration ones (so
 * creation and update expiries are both known up front, and the store picks one atomically), and,
 * for conditional writes, no writer must hear of the write only if it happens. Each method returns
 * null when it does not apply; the caller then takes the general read-modify-write path.
 * Thread-safe.
 */
final class DeclarativeWrites<K, V> {

  private final CacheRuntime<K, V> runtime;

  DeclarativeWrites(CacheRuntime<K, V> runtime) {
    this.runtime = runtime;
  }

  /** A write whose expiry the store chooses, or null if the creation expiry would be ZERO. */
  Write write(Object storedValue, long now) {
    ExpiryCalculator expiry = runtime.expiry;
    if (!expiry.isConstant()) {
      return null;
    }
    long createdAt = expiry.onCreate(now);
    if (createdAt <= now) {
      // ZERO on creation: "not added", which only the general path can tell apart from an update
      return null;
    }
    long updated = expiry.onUpdate(now);
    if (updated == ExpiryCalculator.UNCHANGED
        && createdAt == StoredEntry.ETERNAL
        && !expiry.touchesOnAccess()) {
      // nothing ever gives this cache's entries an expiry (the eternal policy), so keeping a live
      // entry's expiry is writing ETERNAL: one expiry lets a store write without reading first
      // (DynamoDB's BatchWriteItem cannot keep an attribute of the item it replaces)
      updated = StoredEntry.ETERNAL;
    }
    return new Write(
        storedValue,
        createdAt,
        now,
        runtime.writer,
        Set.of(),
        updated == ExpiryCalculator.UNCHANGED ? Write.KEEP : updated);
  }

  /** An unconditional put. */
  Change put(Object storedKey, Object storedValue, boolean wantPrevious) {
    long now = runtime.now();
    Write write = write(storedValue, now);
    if (write == null) {
      return null;
    }
    boolean previousNeeded = wantPrevious || !runtime.events.isEmpty();
    WriteResult result;
    try {
      result = runtime.store.put(storedKey, write, Condition.always(), now, previousNeeded);
    } catch (StoreException e) {
      throw runtime.failure("put", e);
    }
    if (!previousNeeded) {
      return Change.STORED; // nobody asked what was there: no listener, no previous value
    }
    return result.previous() != null
        ? new Change(EventType.UPDATED, result.previous(), null, storedValue)
        : new Change(EventType.CREATED, null, result.expiredPrevious(), storedValue);
  }

  /** Puts many values when nobody listens: one batched store call. Returns false if not taken. */
  boolean putAll(List<Object> storedKeys, List<Object> storedValues) {
    if (!runtime.events.isEmpty()) {
      return false;
    }
    long now = runtime.now();
    Write probe = write(storedValues.isEmpty() ? "" : storedValues.get(0), now);
    if (probe == null) {
      return false;
    }
    List<Write> writes =
        storedValues.stream()
            .map(
                v ->
                    new Write(
                        v,
                        probe.expiresAt(),
                        now,
                        runtime.writer,
                        Set.of(),
                        probe.expiresAtIfPresent()))
            .toList();
    runtime.call(
        "put all",
        () -> {
          runtime.store.putAll(storedKeys, writes);
          return null;
        });
    return true;
  }

  /** A put if no live entry exists. */
  Change putIfAbsent(Object storedKey, Object storedValue) {
    if (runtime.integration.writeThrough()) {
      return null;
    }
    long now = runtime.now();
    Write write = write(storedValue, now);
    if (write == null) {
      return null;
    }
    boolean wantExpired = runtime.events.wants(EventType.EXPIRED);
    WriteResult result =
        runtime.call(
            "put if absent",
            () -> runtime.store.put(storedKey, write, Condition.ifAbsent(), now, wantExpired));
    if (!result.applied()) {
      // a live entry was there: report it as present without reading it
      return Change.none(PRESENT, null);
    }
    return new Change(EventType.CREATED, null, result.expiredPrevious(), storedValue);
  }

  /**
   * A replace of a live entry, if its value equals {@code expected} when that is given. When it
   * does not apply, the change's previous entry tells whether a live entry was there.
   */
  Change replace(Object storedKey, Object expected, Object storedValue, boolean wantPrevious) {
    if (runtime.integration.writeThrough()) {
      return null;
    }
    long now = runtime.now();
    Write write = write(storedValue, now);
    if (write == null) {
      return null;
    }
    Condition condition = expected == null ? Condition.ifPresent() : Condition.ifValue(expected);
    boolean previousNeeded =
        wantPrevious || expected != null || runtime.events.wants(EventType.UPDATED);
    WriteResult result =
        runtime.call(
            "replace", () -> runtime.store.put(storedKey, write, condition, now, previousNeeded));
    StoredEntry previous =
        result.previous() != null ? result.previous() : result.applied() ? PRESENT : null;
    return result.applied()
        ? new Change(EventType.UPDATED, previous, null, storedValue)
        : Change.none(previous, null);
  }

  /** A removal if the live value equals {@code expected}. */
  Change removeValue(Object storedKey, Object expected) {
    if (runtime.integration.writeThrough()) {
      return null;
    }
    long now = runtime.now();
    WriteResult result =
        runtime.call(
            "remove a value",
            () -> runtime.store.remove(storedKey, Condition.ifValue(expected), now, true));
    return result.applied()
        ? new Change(EventType.REMOVED, result.previous(), null, null)
        : Change.none(result.previous(), null);
  }

  /**
   * Stands for "a live entry was there" where the store was not asked for it. Its value is never
   * decoded: only events decode previous entries, and they always ask for them.
   */
  static final StoredEntry PRESENT =
      new StoredEntry(new byte[0], 1, StoredEntry.ETERNAL, 0, null, null);
}

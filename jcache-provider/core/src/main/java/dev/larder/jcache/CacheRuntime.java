package dev.larder.jcache;

import dev.larder.jcache.codec.Codec;
import dev.larder.jcache.config.LarderConfiguration;
import dev.larder.jcache.event.EventDispatcher;
import dev.larder.jcache.expiry.ExpiryCalculator;
import dev.larder.jcache.integration.CacheIntegration;
import dev.larder.jcache.management.CacheStatistics;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * The collaborators of one cache and the steps its operations share: applying access expiry,
 * dropping expired entries and publishing what changed. Thread-safe.
 */
final class CacheRuntime<K, V> {

  final String name;
  final LarderConfiguration<K, V> configuration;
  final Store store;
  final Codec<K> keys;
  final Codec<V> values;
  final ExpiryCalculator expiry;
  final EventDispatcher<K, V> events;
  final CacheStatistics statistics;
  final CacheIntegration<K, V> integration;
  final Clock clock;

  /** Who this runtime's writes say wrote them, or null. */
  final String writer;

  /** Reads change nothing: the expiry policy is fixed and has no access rule. */
  final boolean plainReads;

  private final Function<Partition, Store> stores;

  CacheRuntime(
      String name,
      LarderConfiguration<K, V> configuration,
      Store store,
      Codec<K> keys,
      Codec<V> values,
      ExpiryCalculator expiry,
      EventDispatcher<K, V> events,
      CacheStatistics statistics,
      CacheIntegration<K, V> integration,
      Clock clock,
      Function<Partition, Store> stores) {
    this.name = name;
    this.configuration = configuration;
    this.store = store;
    this.keys = keys;
    this.values = values;
    this.expiry = expiry;
    this.events = events;
    this.statistics = statistics;
    this.integration = integration;
    this.clock = clock;
    this.stores = stores;
    this.writer = null;
    this.plainReads = expiry.isConstant() && !expiry.touchesOnAccess();
  }

  /** {@code base} with another store and writer: everything else is shared. */
  private CacheRuntime(CacheRuntime<K, V> base, Store store, String writer) {
    this.name = base.name;
    this.configuration = base.configuration;
    this.store = store;
    this.keys = base.keys;
    this.values = base.values;
    this.expiry = base.expiry;
    this.events = base.events;
    this.statistics = base.statistics;
    this.integration = base.integration;
    this.clock = base.clock;
    this.stores = base.stores;
    this.writer = writer;
    this.plainReads = base.plainReads;
  }

  /** The same cache confined to another partition: everything shared but the store. */
  CacheRuntime<K, V> inPartition(Partition partition) {
    return in(stores.apply(partition), writer);
  }

  /** The same cache, its writes recording {@code newWriter} as who wrote them. */
  CacheRuntime<K, V> withWriter(String newWriter) {
    return in(store, newWriter);
  }

  private CacheRuntime<K, V> in(Store newStore, String newWriter) {
    return new CacheRuntime<>(this, newStore, newWriter);
  }

  void recordHitOrMiss(boolean hit) {
    if (hit) {
      statistics.recordHits(1);
    } else {
      statistics.recordMisses(1);
    }
  }

  long now() {
    return clock.millis();
  }

  /**
   * Runs a store call, turning a store failure into a CacheException naming cache and operation.
   */
  <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw failure(operation, e);
    }
  }

  /** A store failure as the CacheException callers see, naming the cache and operation. */
  CacheException failure(String operation, StoreException e) {
    return new CacheException(
        "LARDER-020: cache '" + name + "' failed to " + operation + ": " + e.getMessage(), e);
  }

  static boolean isLive(StoredEntry entry, long now) {
    return entry != null && !entry.isExpiredAt(now);
  }

  /** Applies the access expiry to a live entry that was just read. */
  void touchOnAccess(Object storedKey, StoredEntry entry, long now) {
    long expiresAt = expiry.onAccess(now);
    if (expiresAt != ExpiryCalculator.UNCHANGED && expiresAt != entry.expiresAt()) {
      call("update the expiry", () -> store.touch(storedKey, entry.version(), expiresAt));
    }
  }

  /**
   * Applies the access expiry to many live entries just read, in one batched store call; the policy
   * is asked once per entry, as {@link #touchOnAccess} does.
   */
  void touchAllOnAccess(List<Object> storedKeys, List<StoredEntry> entries, long now) {
    List<Object> keys = new ArrayList<>();
    List<Long> versions = new ArrayList<>();
    List<Long> expiries = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      long expiresAt = expiry.onAccess(now);
      if (expiresAt != ExpiryCalculator.UNCHANGED && expiresAt != entries.get(i).expiresAt()) {
        keys.add(storedKeys.get(i));
        versions.add(entries.get(i).version());
        expiries.add(expiresAt);
      }
    }
    if (!keys.isEmpty()) {
      call(
          "update the expiry",
          () -> {
            store.touchAll(keys, versions, expiries);
            return null;
          });
    }
  }

  /** Drops an entry found expired (if nobody changed it meanwhile) and reports its expiry. */
  void expire(K key, Object storedKey, StoredEntry entry) {
    boolean removed =
        call(
                "remove an expired entry",
                () ->
                    store.remove(
                        storedKey, Condition.ifVersion(entry.version()), Long.MIN_VALUE, false))
            .applied();
    if (removed && events.wants(EventType.EXPIRED)) {
      events.publish(EventType.EXPIRED, key, null, values.decode(entry.value()));
    }
  }

  /** Publishes what a mutation did; {@code newValue} is the caller's value when it has one. */
  void publish(K key, V newValue, Change change) {
    if (events.isEmpty()) {
      return;
    }
    List<CacheEntryEvent<K, V>> batch = new ArrayList<>(2);
    collect(batch, key, newValue, change);
    events.publish(batch);
  }

  void collect(List<CacheEntryEvent<K, V>> batch, K key, V newValue, Change change) {
    if (change.expired() != null && events.wants(EventType.EXPIRED)) {
      batch.add(
          events.event(EventType.EXPIRED, key, null, values.decode(change.expired().value())));
    }
    EventType type = change.type();
    if (type == null || !events.wants(type)) {
      return;
    }
    V value =
        newValue != null || change.newValue() == null ? newValue : values.decode(change.newValue());
    V old = change.previous() == null ? null : values.decode(change.previous().value());
    batch.add(events.event(type, key, value, old));
  }

  V decode(StoredEntry entry) {
    return entry == null ? null : values.decode(entry.value());
  }
}

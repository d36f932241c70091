package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.ext.EntryMetadata;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.Page;
import dev.larder.jcache.ext.WriteOptions;
import dev.larder.jcache.spi.IndexMember;
import dev.larder.jcache.spi.IndexPage;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.StoredEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.CacheException;

/**
 * Larder's {@link ExtendedCache} over a {@link LarderCache}: its partition, writer, store and
 * JCache rules (writer, listeners, statistics). Its writes are the cache's own put and
 * put-if-absent operations ({@link KeyWrites}) with a TTL, index names or a writer of their own,
 * run by the cache's {@link WriteRunner}. Thread-safe.
 */
final class CacheExtensions<K, V> implements ExtendedCache<K, V> {

  /** How often {@link #refreshTtl} retries when the entry keeps changing under it. */
  private static final int REFRESH_ATTEMPTS = 16;

  private final LarderCache<K, V> cache;
  private final CacheRuntime<K, V> runtime;

  CacheExtensions(LarderCache<K, V> cache) {
    this.cache = cache;
    this.runtime = cache.runtime();
  }

  @Override
  public Cache<K, V> cache() {
    return cache;
  }

  @Override
  public ExtendedCache<K, V> forTenant(String tenant) {
    return new CacheExtensions<>(cache.forTenant(tenant));
  }

  @Override
  public ExtendedCache<K, V> inNamespace(String namespace) {
    return new CacheExtensions<>(cache.inNamespace(namespace));
  }

  @Override
  public ExtendedCache<K, V> as(String writer) {
    return new CacheExtensions<>(cache.as(writer));
  }

  @Override
  public void put(K key, V value, WriteOptions options) {
    write(key, value, options, false);
  }

  @Override
  public boolean putIfAbsent(K key, V value, WriteOptions options) {
    return write(key, value, options, true).changed();
  }

  private Change write(K key, V value, WriteOptions options, boolean ifAbsent) {
    cache.requireOpen();
    requireNonNull(options, "options");
    if (!options.indexNames().isEmpty()) {
      // a store without indices refuses before anything is written
      runtime.call("use indices", runtime.store::indices);
    }
    String writer = options.writer() != null ? options.writer() : runtime.writer;
    KeyWrites.Shape shape = new KeyWrites.Shape(writer, options.indexNames(), options.timeToLive());
    KeyWrite.Kind kind = ifAbsent ? KeyWrite.Kind.PUT_IF_ABSENT : KeyWrite.Kind.PUT;
    return cache.runner().run(cache.writes().put(key, value, kind, shape));
  }

  @Override
  public boolean refreshTtl(K key, Duration ttl) {
    WriteOptions.requirePositive(ttl, "the TTL given to refreshTtl");
    cache.requireOpen();
    requireNonNull(key, "key");
    Object storedKey = runtime.keys.encodeForLookup(key);
    for (int attempt = 0; attempt < REFRESH_ATTEMPTS; attempt++) {
      StoredEntry entry = runtime.call("read an entry", () -> runtime.store.get(storedKey));
      long now = runtime.now();
      if (!CacheRuntime.isLive(entry, now)) {
        return false;
      }
      long expiresAt = expiresAt(now, ttl);
      if (runtime.call(
          "refresh a TTL", () -> runtime.store.touch(storedKey, entry.version(), expiresAt))) {
        return true;
      }
    }
    throw new CacheException(
        "LARDER-070: cache '"
            + runtime.name
            + "' could not refresh the TTL of a "
            + key.getClass().getName()
            + " key: it changed on every one of "
            + REFRESH_ATTEMPTS
            + " attempts; retry later");
  }

  @Override
  public Optional<Duration> timeToLive(K key) {
    return live(key)
        .map(
            entry ->
                entry.expiresAt() == StoredEntry.ETERNAL
                    ? ETERNAL
                    : Duration.ofMillis(entry.expiresAt() - runtime.now()));
  }

  @Override
  public Optional<EntryMetadata<K>> metadata(K key) {
    return live(key).map(entry -> metadata(key, entry));
  }

  private Optional<StoredEntry> live(K key) {
    cache.requireOpen();
    requireNonNull(key, "key");
    Object storedKey = runtime.keys.encodeForLookup(key);
    StoredEntry entry = runtime.call("read an entry", () -> runtime.store.get(storedKey));
    return CacheRuntime.isLive(entry, runtime.now()) ? Optional.of(entry) : Optional.empty();
  }

  private EntryMetadata<K> metadata(K key, StoredEntry entry) {
    return new EntryMetadata<>(
        key,
        Instant.ofEpochMilli(entry.writtenAt()),
        entry.writtenBy(),
        entry.expiresAt() == StoredEntry.ETERNAL ? null : Instant.ofEpochMilli(entry.expiresAt()),
        entry.tags());
  }

  @Override
  public Page<EntryMetadata<K>> entries(String cursor, int pageSize) {
    cache.requireOpen();
    KeyPage page = runtime.call("walk keys", () -> runtime.store.keys(cursor, pageSize(pageSize)));
    List<StoredEntry> entries =
        runtime.call("read entries", () -> runtime.store.getAll(page.keys()));
    long now = runtime.now();
    List<EntryMetadata<K>> items = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      StoredEntry entry = entries.get(i);
      if (CacheRuntime.isLive(entry, now)) {
        items.add(metadata(runtime.keys.decode(page.keys().get(i)), entry));
      }
    }
    return new Page<>(items, page.cursor());
  }

  @Override
  public Page<K> indexKeys(String index, String cursor, int pageSize) {
    WriteOptions.requireIndexName(index);
    cache.requireOpen();
    IndexStore indices = runtime.call("use indices", runtime.store::indices);
    IndexPage page =
        runtime.call("walk an index", () -> indices.members(index, cursor, pageSize(pageSize)));
    List<Object> storedKeys = new ArrayList<>(page.members().size());
    page.members().forEach(member -> storedKeys.add(member.key()));
    List<StoredEntry> entries =
        runtime.call("read entries", () -> runtime.store.getAll(storedKeys));
    long now = runtime.now();
    List<K> keys = new ArrayList<>(entries.size());
    List<IndexMember> stale = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      StoredEntry entry = entries.get(i);
      if (CacheRuntime.isLive(entry, now) && entry.tags().contains(index)) {
        keys.add(runtime.keys.decode(storedKeys.get(i)));
      } else {
        stale.add(page.members().get(i));
      }
    }
    if (!stale.isEmpty()) {
      runtime.call(
          "clean an index",
          () -> {
            indices.removeStale(index, stale);
            return null;
          });
    }
    return new Page<>(keys, page.cursor());
  }

  private static int pageSize(int pageSize) {
    if (pageSize <= 0) {
      throw new IllegalArgumentException(
          "LARDER-071: a page size must be positive, was " + pageSize);
    }
    return pageSize;
  }

  /** {@code now + ttl}, saturating at {@link StoredEntry#ETERNAL} for TTLs beyond the clock. */
  static long expiresAt(long now, Duration ttl) {
    try {
      return Math.addExact(now, ttl.toMillis() == 0 ? 1 : ttl.toMillis());
    } catch (ArithmeticException e) {
      return StoredEntry.ETERNAL;
    }
  }

  @Override
  public String toString() {
    return "ExtendedCache{" + runtime.name + ", " + cache.partition() + "}";
  }
}

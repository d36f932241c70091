package dev.larder.jcache.ext;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * What Larder adds to a JCache {@link Cache}: tenant and namespace views, per-entry TTL, entry
 * metadata and indices. Reached with the standard unwrap, over the same partition as the cache:
 *
 * <pre>{@code
 * ExtendedCache<String, Order> orders = ExtendedCache.of(cache); // or cache.unwrap(ExtendedCache.class)
 * orders.forTenant("acme").putWithTtl("o-1", order, Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Writes made here follow the cache's JCache rules: the cache writer hears of them, listeners
 * get their events, statistics count them. A TTL given to a write replaces the expiry policy for
 * that write; later accesses and updates follow the policy again. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ExtendedCache<K, V> {

  /** What {@link #timeToLive} answers for an entry that never expires. */
  Duration ETERNAL = ChronoUnit.FOREVER.getDuration();

  /**
   * The extensions of a Larder cache, typed like it: {@code cache.unwrap(ExtendedCache.class)}
   * without the unchecked conversion.
   *
   * @throws IllegalArgumentException when {@code cache} is not a Larder cache
   */
  @SuppressWarnings("unchecked")
  static <K, V> ExtendedCache<K, V> of(Cache<K, V> cache) {
    return cache.unwrap(ExtendedCache.class);
  }

  /** The JCache view of the same partition (and writer). */
  Cache<K, V> cache();

  /** This cache as one tenant sees it; see {@code LarderCache.forTenant}. */
  ExtendedCache<K, V> forTenant(String tenant);

  /** This cache within a namespace; see {@code LarderCache.inNamespace}. */
  ExtendedCache<K, V> inNamespace(String namespace);

  /**
   * A view whose writes, JCache ones included ({@code as("billing").cache().put(k, v)}), record
   * {@code writer} as who wrote them.
   */
  ExtendedCache<K, V> as(String writer);

  /** Stores a value that lives {@code ttl}, whatever the expiry policy says. */
  default void putWithTtl(K key, V value, Duration ttl) {
    put(key, value, WriteOptions.ttl(ttl));
  }

  /** Stores a value that lives {@code ttl} if no live entry exists; returns whether it did. */
  default boolean putIfAbsentWithTtl(K key, V value, Duration ttl) {
    return putIfAbsent(key, value, WriteOptions.ttl(ttl));
  }

  /** Stores a value as {@code options} say. */
  void put(K key, V value, WriteOptions options);

  /** Stores a value as {@code options} say if no live entry exists; returns whether it did. */
  boolean putIfAbsent(K key, V value, WriteOptions options);

  /**
   * Makes a live entry expire {@code ttl} from now without rewriting it (its value, version and
   * metadata stay). Returns false when no live entry exists.
   */
  boolean refreshTtl(K key, Duration ttl);

  /** How long a live entry has left ({@link #ETERNAL} if it never expires); empty if none. */
  Optional<Duration> timeToLive(K key);

  /** A live entry's metadata; empty if none. Fires no events and counts no statistics. */
  Optional<EntryMetadata<K>> metadata(K key);

  /**
   * One page of this partition's live entries' metadata.
   *
   * @param cursor null for the first page, else {@link Page#cursor()} of the previous one
   * @param pageSize a hint for the number of entries per page
   */
  Page<EntryMetadata<K>> entries(String cursor, int pageSize);

  /**
   * One page of the keys of live entries filed under {@code index} in this partition. Removed,
   * expired or re-written-without-the-index entries never show; their stale index members are
   * dropped as they are met.
   *
   * @throws UnsupportedOperationException when the backend keeps no indices
   */
  Page<K> indexKeys(String index, String cursor, int pageSize);

  /** A function that caches its results here, by argument; see {@link Memoizer}. */
  default Memoizer<K, V> memoize(Function<? super K, ? extends V> function) {
    return Memoizer.of(cache(), function);
  }
}

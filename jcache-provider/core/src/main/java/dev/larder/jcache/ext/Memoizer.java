package dev.larder.jcache.ext;

import java.util.Objects;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * A plain function whose results are cached by argument. A null result is returned but not cached.
 * Two threads that miss at once may both compute; the first result stored wins and both return it.
 * Thread-safe when the function is.
 *
 * <pre>{@code
 * Memoizer<String, Rate> rates = Memoizer.of(rateCache, this::fetchRate);
 * Rate eur = rates.forTenant("acme").apply("EUR");
 * }</pre>
 *
 * @param <A> the argument type (the cache's key type)
 * @param <R> the result type (the cache's value type)
 */
public final class Memoizer<A, R> implements Function<A, R> {

  private final Cache<A, R> cache;
  private final Function<? super A, ? extends R> function;

  private Memoizer(Cache<A, R> cache, Function<? super A, ? extends R> function) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.function = Objects.requireNonNull(function, "function");
  }

  /** Caches {@code function}'s results in {@code cache}. */
  public static <A, R> Memoizer<A, R> of(
      Cache<A, R> cache, Function<? super A, ? extends R> function) {
    return new Memoizer<>(cache, function);
  }

  /**
   * The same function with results cached for one tenant (a Larder cache's tenant view).
   *
   * @throws IllegalArgumentException when the cache is not a Larder cache
   */
  @SuppressWarnings("unchecked")
  public Memoizer<A, R> forTenant(String tenant) {
    ExtendedCache<A, R> extended = cache.unwrap(ExtendedCache.class);
    return new Memoizer<>(extended.forTenant(tenant).cache(), function);
  }

  /** The cached result for {@code argument}, computing and caching it on a miss. */
  @Override
  public R apply(A argument) {
    Objects.requireNonNull(argument, "argument");
    R cached = cache.get(argument);
    if (cached != null) {
      return cached;
    }
    R computed = function.apply(argument);
    if (computed == null || cache.putIfAbsent(argument, computed)) {
      return computed;
    }
    R winner = cache.get(argument);
    return winner != null ? winner : computed;
  }

  /** Whether a result for {@code argument} is cached now. */
  public boolean isCached(A argument) {
    return cache.containsKey(Objects.requireNonNull(argument, "argument"));
  }

  /** Forgets the result for {@code argument}; returns whether one was cached. */
  public boolean evict(A argument) {
    return cache.remove(Objects.requireNonNull(argument, "argument"));
  }

  /** The cache the results live in. */
  public Cache<A, R> cache() {
    return cache;
  }
}

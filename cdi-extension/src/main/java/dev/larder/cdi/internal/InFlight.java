package dev.larder.cdi.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * Asynchronous cache misses in progress, one per (cache, key): the first caller runs the method,
 * callers that miss on the same key meanwhile get its result instead of running it again. The entry
 * is dropped only after the result is in the cache, so a later caller either joins the call or
 * finds the value. Each caller gets its own future, so cancelling one affects no other.
 * Thread-safe.
 */
final class InFlight {

  /** A cache (a tenant's view is its own cache) and a key in it; caches compare by identity. */
  private record Key(Cache<?, ?> cache, Object key) {}

  private final ConcurrentMap<Key, CompletableFuture<Object>> calls = new ConcurrentHashMap<>();

  /**
   * Runs {@code call} unless a call for the same key is running, and hands its outcome to {@code
   * onComplete} (which caches it) before any caller sees it.
   *
   * @param recheck reads the cache again once this caller owns the key
   * @return the caller's future, or null if the method itself returned null
   */
  CompletableFuture<Object> join(
      Cache<?, ?> cache,
      Object key,
      Supplier<Object> recheck,
      Callable<CompletionStage<?>> call,
      BiConsumer<Object, Throwable> onComplete)
      throws Exception {
    Key id = new Key(cache, key);
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = calls.putIfAbsent(id, mine);
    if (running != null) {
      return running.copy();
    }
    try {
      Object cached = recheck.get();
      if (cached != null) {
        finish(id, mine, cached, null);
        return mine.copy();
      }
      CompletionStage<?> stage = call.call();
      if (stage == null) {
        finish(id, mine, null, null);
        return null;
      }
      Completions.after(stage, onComplete)
          .whenComplete((value, failure) -> finish(id, mine, value, Completions.unwrap(failure)));
      return mine.copy();
    } catch (Throwable failure) {
      finish(id, mine, null, failure);
      throw failure;
    }
  }

  private void finish(Key id, CompletableFuture<Object> mine, Object value, Throwable failure) {
    calls.remove(id, mine);
    Completions.complete(mine, value, failure);
  }

  /** How many calls are running (for tests and diagnostics). */
  int size() {
    return calls.size();
  }
}

package dev.larder.cdi.async;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;

/** Quotes arrive asynchronously; a test decides when and how each pending quote completes. */
@ApplicationScoped
@CacheDefaults(cacheName = "quotes")
public class Quotes {

  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> removal = new CompletableFuture<>();

  public int calls() {
    return calls.get();
  }

  @CacheResult
  public CompletionStage<String> quote(String symbol) {
    calls.incrementAndGet();
    return pending.computeIfAbsent(symbol, s -> new CompletableFuture<>());
  }

  @CacheResult(cacheName = "ready")
  public CompletableFuture<String> ready(String symbol) {
    calls.incrementAndGet();
    return CompletableFuture.completedFuture("ready " + symbol);
  }

  @CacheRemove
  public CompletionStage<Void> forget(String symbol) {
    return removal;
  }

  public void complete(String symbol, String quote) {
    pending.remove(symbol).complete(quote);
  }

  public void fail(String symbol, Throwable failure) {
    pending.remove(symbol).completeExceptionally(failure);
  }

  public void finishRemoval() {
    removal.complete(null);
  }
}

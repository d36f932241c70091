package dev.larder.cdi.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
public class Catalog {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  private final AtomicInteger stock = new AtomicInteger();

  @CacheResult
  public String title(String isbn) {
    calls.incrementAndGet();
    return "title of " + isbn;
  }

  @CacheResult(cacheName = "prices")
  public Integer price(String currency, @CacheKey String isbn) {
    calls.incrementAndGet();
    return isbn.equals("unknown") ? null : 10;
  }

  @CacheResult(cacheName = "stock", skipGet = true)
  public Integer refreshStock(String isbn) {
    calls.incrementAndGet();
    return stock.incrementAndGet();
  }

  @CacheResult(
      cacheName = "editions",
      exceptionCacheName = "edition-failures",
      cachedExceptions = IllegalArgumentException.class,
      nonCachedExceptions = NumberFormatException.class)
  public Integer edition(String text) {
    calls.incrementAndGet();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("no edition");
    }
    return Integer.parseInt(text);
  }
}

package dev.larder.cdi.discovery;

import dev.larder.cdi.GlobalCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@GlobalCache
public class Counter {

  private final AtomicInteger calls = new AtomicInteger();

  @CacheResult(cacheName = "counter")
  public Integer next(String name) {
    return calls.incrementAndGet();
  }
}

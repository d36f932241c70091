package dev.larder.cdi.foreign;

import dev.larder.cdi.GlobalCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@CacheDefaults(cacheName = "legacy", cacheResolverFactory = ForeignCaches.class)
public class Legacy {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  @CacheResult
  public String perTenant(String id) {
    calls.incrementAndGet();
    return "tenant's " + id;
  }

  @GlobalCache
  @CacheResult
  public String shared(String id) {
    calls.incrementAndGet();
    return "shared " + id;
  }
}

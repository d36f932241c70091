package dev.larder.cdi.tenant;

import dev.larder.cdi.GlobalCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@GlobalCache
public class SharedNotes {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  @CacheResult(cacheName = "shared")
  public String note(String id) {
    return "shared " + id + " #" + calls.incrementAndGet();
  }

  @CacheRemoveAll(cacheName = "shared")
  public void deleteAll() {}
}

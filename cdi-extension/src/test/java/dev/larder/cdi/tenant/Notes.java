package dev.larder.cdi.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

@ApplicationScoped
@CacheDefaults(cacheName = "notes")
public class Notes {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  @CacheResult
  public String note(String id) {
    return "note " + id + " #" + calls.incrementAndGet();
  }

  @CachePut
  public void save(String id, @CacheValue String note) {}

  @CacheRemove
  public void delete(String id) {}

  @CacheRemoveAll
  public void deleteAll() {}
}

package dev.larder.cdi.arquillian;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@CacheDefaults(cacheName = "inventory")
public class Inventory {

  private final AtomicInteger counts = new AtomicInteger();

  public int counts() {
    return counts.get();
  }

  @CacheResult
  public Integer stock(String sku) {
    return counts.incrementAndGet();
  }

  @CacheRemoveAll
  public void recount() {}
}

package dev.larder.cdi.result;

import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@CacheDefaults(cacheName = "shelf")
public class Shelf {

  private int calls;

  public int calls() {
    return calls;
  }

  @CacheResult
  public String label(int position) {
    calls++;
    return "shelf " + position;
  }
}

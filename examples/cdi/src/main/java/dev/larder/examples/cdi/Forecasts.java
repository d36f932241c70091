package dev.larder.examples.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * A slow forecast service. Its results are cached per tenant: the annotations are plain JSR-107;
 * larder-cdi adds the current tenant to every key.
 */
@ApplicationScoped
@CacheDefaults(cacheName = "forecasts")
public class Forecasts {

  private final AtomicInteger computed = new AtomicInteger();

  @CacheResult
  public String forecast(String city) {
    int run = computed.incrementAndGet();
    return "forecast #" + run + " for " + city;
  }

  @CacheRemoveAll
  public void refreshAll() {}

  public int computed() {
    return computed.get();
  }
}

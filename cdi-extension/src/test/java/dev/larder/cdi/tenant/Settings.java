package dev.larder.cdi.tenant;

import dev.larder.cdi.GlobalCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;

/** One method shared by all tenants, one per tenant, in the same cache. */
@ApplicationScoped
public class Settings {

  private final AtomicInteger calls = new AtomicInteger();

  @GlobalCache
  @CacheResult(cacheName = "settings")
  public String systemSetting(String name) {
    return name + " #" + calls.incrementAndGet();
  }

  @CacheResult(cacheName = "settings")
  public String tenantSetting(String name) {
    return name + " #" + calls.incrementAndGet();
  }
}

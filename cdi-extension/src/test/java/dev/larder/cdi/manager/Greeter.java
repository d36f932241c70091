package dev.larder.cdi.manager;

import dev.larder.cdi.GlobalCache;
import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
@GlobalCache
public class Greeter {

  public static final String CACHE = "dev.larder.cdi.manager.greetings";

  @CacheResult(cacheName = CACHE)
  public String greet(String name) {
    return "hello " + name;
  }
}

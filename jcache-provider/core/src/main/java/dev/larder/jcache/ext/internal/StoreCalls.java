package dev.larder.jcache.ext.internal;

import dev.larder.jcache.spi.StoreException;
import java.util.function.Supplier;
import javax.cache.CacheException;

/** Turns store failures into {@link CacheException}s naming what failed, as the core does. */
final class StoreCalls {

  private StoreCalls() {}

  static <T> T call(String what, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw new CacheException(
          "LARDER-021: " + what + " failed to " + operation + ": " + e.getMessage(), e);
    }
  }

  static String describe(String kind, String name, String tenant) {
    return kind + " '" + name + "'" + (tenant.isEmpty() ? "" : " of tenant '" + tenant + "'");
  }
}

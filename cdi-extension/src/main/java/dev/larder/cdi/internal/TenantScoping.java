package dev.larder.cdi.internal;

import dev.larder.cdi.NoTenantException;
import dev.larder.jcache.LarderCache;
import java.util.Optional;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * Confines a resolved cache to the current tenant's partition with {@link LarderCache#forTenant},
 * so every key carries the tenant and {@code removeAll} touches one tenant only. Global methods use
 * the cache as resolved. Thread-safe.
 */
final class TenantScoping {

  private final Supplier<Optional<String>> tenant;

  TenantScoping(Supplier<Optional<String>> tenant) {
    this.tenant = tenant;
  }

  <K, V> Cache<K, V> scope(Cache<K, V> cache, CacheMethod<?> method) {
    if (method.global()) {
      return cache;
    }
    String current =
        tenant
            .get()
            .orElseThrow(
                () ->
                    new NoTenantException(
                        Misuse.NO_TENANT.format(method.describe(), cache.getName())));
    return larder(cache, method).forTenant(current);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> LarderCache<K, V> larder(Cache<K, V> cache, CacheMethod<?> method) {
    try {
      return cache.unwrap(LarderCache.class);
    } catch (IllegalArgumentException | ClassCastException foreign) {
      throw new IllegalStateException(
          Misuse.FOREIGN_CACHE.format(
              cache.getName(), method.describe(), cache.getClass().getName()),
          foreign);
    }
  }
}

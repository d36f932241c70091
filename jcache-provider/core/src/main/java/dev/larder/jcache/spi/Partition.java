package dev.larder.jcache.spi;

import java.util.Objects;

/**
 * Where an entry lives: a tenant, a namespace and a cache. Any string, the empty one included, is a
 * legal value for each part; stores encode them rather than forbid characters. Clearing or scanning
 * one partition never touches another.
 *
 * <p>The empty tenant and namespace form the global scope that plain JCache caches use.
 */
public record Partition(String tenant, String namespace, String cache) {

  /** The tenant (and namespace) of entries that belong to no tenant. */
  public static final String GLOBAL = "";

  public Partition {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(cache, "cache");
  }

  /** The global partition of a cache. */
  public static Partition of(String cache) {
    return new Partition(GLOBAL, GLOBAL, cache);
  }

  public Partition withTenant(String newTenant) {
    return new Partition(newTenant, namespace, cache);
  }

  public Partition withNamespace(String newNamespace) {
    return new Partition(tenant, newNamespace, cache);
  }
}

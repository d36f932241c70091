package dev.larder.jcache.ext.internal;

import dev.larder.jcache.ext.LarderLock;
import dev.larder.jcache.ext.Locks;
import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.Partition;
import java.util.Objects;

/** {@link Locks} over a backend's {@link dev.larder.jcache.spi.LockStore}s. Immutable. */
public final class BackendLocks implements Locks {

  private final Backend backend;
  private final String namespace;
  private final String tenant;

  public BackendLocks(Backend backend, String namespace, String tenant) {
    this.backend = backend;
    this.namespace = namespace;
    this.tenant = tenant;
  }

  @Override
  public Locks forTenant(String newTenant) {
    return new BackendLocks(backend, namespace, Objects.requireNonNull(newTenant, "tenant"));
  }

  @Override
  public LarderLock lock(String name) {
    Objects.requireNonNull(name, "name");
    return new StoredLock(
        name,
        backend.lock(new Partition(tenant, namespace, name)),
        StoreCalls.describe("lock", name, tenant));
  }
}

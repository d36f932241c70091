package dev.larder.jcache.ext.internal;

import dev.larder.jcache.ext.LarderQueue;
import dev.larder.jcache.ext.Queues;
import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.Partition;
import java.util.Objects;

/** {@link Queues} over a backend's {@link dev.larder.jcache.spi.QueueStore}s. Immutable. */
public final class BackendQueues implements Queues {

  private final Backend backend;
  private final String namespace;
  private final String tenant;
  private final ClassLoader classLoader;

  public BackendQueues(Backend backend, String namespace, String tenant, ClassLoader classLoader) {
    this.backend = backend;
    this.namespace = namespace;
    this.tenant = tenant;
    this.classLoader = classLoader;
  }

  @Override
  public Queues forTenant(String newTenant) {
    return new BackendQueues(
        backend, namespace, Objects.requireNonNull(newTenant, "tenant"), classLoader);
  }

  @Override
  public <T> LarderQueue<T> queue(String name, Class<T> type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    String what = StoreCalls.describe("queue", name, tenant);
    return new StoredQueue<>(
        name,
        type,
        backend.queue(new Partition(tenant, namespace, name)),
        new ItemCodec(what, classLoader),
        what);
  }
}

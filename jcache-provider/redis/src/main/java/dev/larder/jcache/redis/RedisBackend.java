package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreSettings;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/** A cache manager's view of a shared Redis connection. Thread-safe. */
final class RedisBackend implements Backend {

  private final RedisConnection connection;
  private final Clock clock;
  private final Runnable onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  RedisBackend(RedisConnection connection, Clock clock, Runnable onClose) {
    this.connection = connection;
    this.clock = clock;
    this.onClose = onClose;
  }

  @Override
  public boolean storesObjects() {
    return false;
  }

  @Override
  public Store store(Partition partition, StoreSettings settings) {
    return new RedisStore(connection, partition, clock);
  }

  @Override
  public QueueStore queue(Partition queue) {
    return new RedisQueue(connection, queue);
  }

  @Override
  public LockStore lock(Partition lock) {
    return new RedisLock(connection, lock);
  }

  @Override
  public String description() {
    return "redis " + connection.endpoint().describe();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return description();
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import dev.larder.jcache.spi.StoreException;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.KeyValue;

/**
 * A queue as one Redis list ({@link ExtensionKeys#queue}): {@code LPUSH} appends, {@code RPOP} and
 * {@code BRPOP} take the head, so each item goes to exactly one popper, whichever JVM it runs in. A
 * waiting pop blocks in slices shorter than the socket timeout, so a reply is never dropped by a
 * client that gave up on it (which would lose its item). Thread-safe.
 */
final class RedisQueue implements QueueStore {

  private final RedisConnection connection;
  private final UnifiedJedis client;
  private final Partition partition;
  private final byte[] key;
  private final long sliceMillis;

  RedisQueue(RedisConnection connection, Partition partition) {
    this.connection = connection;
    this.client = connection.client();
    this.partition = partition;
    this.key = ExtensionKeys.queue(partition);
    this.sliceMillis = Math.max(10, Math.min(1_000, connection.endpoint().timeoutMillis / 2));
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public void push(byte[] item) {
    call("push", () -> client.lpush(key, item));
  }

  @Override
  public byte[] pop(long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return call("pop", () -> client.rpop(key));
      }
      double seconds = Math.min(left, sliceMillis) / 1000.0;
      KeyValue<byte[], byte[]> popped = call("pop", () -> client.brpop(seconds, key));
      if (popped != null) {
        return popped.getValue();
      }
      if (Thread.currentThread().isInterrupted()) {
        return null;
      }
    }
  }

  @Override
  public byte[] peek() {
    return call("peek", () -> client.lindex(key, -1));
  }

  @Override
  public long size() {
    return call("size", () -> client.llen(key));
  }

  @Override
  public void clear() {
    call("clear", () -> client.del(key));
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (JedisException e) {
      StoreException explained = RedisConnection.explain(connection.endpoint(), e);
      throw new StoreException(operation + " on a queue: " + explained.getMessage(), e);
    }
  }
}

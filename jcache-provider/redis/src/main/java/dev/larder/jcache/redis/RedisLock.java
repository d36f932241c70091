package dev.larder.jcache.redis;

import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A lease in Redis ({@link ExtensionKeys#lock}): the holder's token under a key whose TTL is the
 * lease's ({@code SET NX PX}), taken together with an {@code INCR} of the fencing counter in one
 * script, so tokens grow with every acquisition. Release and extend are scripts that act only if
 * the caller's token is still the holder's. TTLs run on the server's clock. Thread-safe.
 */
final class RedisLock implements LockStore {

  /** KEYS: lease, fence. ARGV: holder, ttl ms. Returns the new token, or 0 when held. */
  private static final Scripts.Script ACQUIRE =
      new Scripts.Script(
          """
          if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
            return redis.call('INCR', KEYS[2])
          end
          return 0
          """);

  /** KEYS: lease. ARGV: holder. */
  private static final Scripts.Script RELEASE =
      new Scripts.Script(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
          return 0
          """);

  /** KEYS: lease. ARGV: holder, ttl ms. */
  private static final Scripts.Script EXTEND =
      new Scripts.Script(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 0
          """);

  private final RedisConnection connection;
  private final UnifiedJedis client;
  private final Partition partition;
  private final byte[] lease;
  private final byte[] fence;

  RedisLock(RedisConnection connection, Partition partition) {
    this.connection = connection;
    this.client = connection.client();
    this.partition = partition;
    this.lease = ExtensionKeys.lock(partition);
    this.fence = ExtensionKeys.fence(partition);
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public long tryAcquire(String holder, long ttlMillis) {
    Object token = eval("acquire", ACQUIRE, List.of(lease, fence), utf8(holder), ascii(ttlMillis));
    return (Long) token;
  }

  @Override
  public boolean release(String holder) {
    return (Long) eval("release", RELEASE, List.of(lease), utf8(holder)) == 1L;
  }

  @Override
  public boolean extend(String holder, long ttlMillis) {
    return (Long) eval("extend", EXTEND, List.of(lease), utf8(holder), ascii(ttlMillis)) == 1L;
  }

  @Override
  public boolean isHeldBy(String holder) {
    byte[] current = call("check", () -> client.get(lease));
    return current != null && Arrays.equals(current, utf8(holder));
  }

  private Object eval(String operation, Scripts.Script script, List<byte[]> keys, byte[]... args) {
    List<byte[]> arguments = List.of(args);
    return call(
        operation,
        () -> {
          try {
            return client.evalsha(script.sha, keys, arguments);
          } catch (JedisNoScriptException e) {
            return client.eval(script.source, keys, arguments);
          }
        });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (JedisException e) {
      StoreException explained = RedisConnection.explain(connection.endpoint(), e);
      throw new StoreException(operation + " a lock: " + explained.getMessage(), e);
    }
  }
}

package dev.larder.testkit.redis;

import java.net.URI;
import java.util.Map;

/**
 * A running test deployment of Redis: a {@link RedisServer}, a {@link RedisTlsServer}, a {@link
 * RedisCluster} or a {@link RedisSentinel}. What every kind offers, so one test can run against
 * each.
 */
public interface RedisEndpoint extends AutoCloseable {

  /**
   * The address a Larder cache manager is given: {@code redis://}, {@code rediss://}, {@code
   * redis-cluster://} or {@code redis-sentinel://}, with the user and password (percent-encoded)
   * when the server has them.
   */
  URI uri();

  /**
   * How many times the server executed each command since it started or since {@link
   * #resetCommandStats()}, summed over all nodes of a cluster, keyed by the lower-case names of
   * {@code INFO commandstats} ({@code get}, {@code evalsha}, and on Redis 7 {@code
   * client|setinfo}). Commands never called are absent.
   *
   * <p>The testkit's own commands count too: a {@code ping} and an {@code info} per start, {@code
   * cluster} commands while a cluster forms, an {@code auth} per call when a password is set, a
   * {@code config|resetstat} (Redis 7) or {@code config} (6.2) per reset. The call that reads the
   * statistics is not in them. Reset, run the operation, then read the commands under test.
   */
  Map<String, Long> commandStats();

  /** Zeroes {@link #commandStats()} ({@code CONFIG RESETSTAT}) on every node. */
  void resetCommandStats();

  /** Deletes every key on every node ({@code FLUSHALL}). */
  void flushAll();

  /** Stops every process and deletes the temporary files. Idempotent. */
  @Override
  void close();
}

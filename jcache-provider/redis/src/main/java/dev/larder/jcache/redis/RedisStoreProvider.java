package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.StoreProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.cache.CacheException;

/**
 * Serves {@code redis://}, {@code rediss://}, {@code redis-cluster://} and {@code
 * redis-sentinel://} cache managers. Keeps one connection pool per endpoint, shared by every cache
 * manager that uses it and closed when the last one closes. Thread-safe.
 */
public final class RedisStoreProvider implements StoreProvider {

  private static final Set<String> SCHEMES =
      Set.of(
          "redis",
          "rediss",
          "redis-cluster",
          "rediss-cluster",
          "redis-sentinel",
          "rediss-sentinel");

  private final Map<String, RedisConnection> connections = new HashMap<>();

  @Override
  public Set<String> schemes() {
    return SCHEMES;
  }

  @Override
  public Backend open(BackendContext context) {
    RedisEndpoint endpoint;
    try {
      endpoint = RedisEndpoint.of(context.uri(), context.properties());
    } catch (IllegalArgumentException e) {
      throw new CacheException(e.getMessage(), e);
    }
    RedisConnection connection;
    synchronized (connections) {
      connection = connections.get(endpoint.poolKey());
      if (connection == null) {
        try {
          connection = new RedisConnection(endpoint);
        } catch (RuntimeException e) {
          throw new CacheException(e.getMessage(), e);
        }
        connections.put(endpoint.poolKey(), connection);
      }
      connection.acquire();
    }
    RedisConnection shared = connection;
    return new RedisBackend(shared, context.clock(), () -> release(shared));
  }

  private void release(RedisConnection connection) {
    synchronized (connections) {
      if (connection.release()) {
        connections.remove(connection.endpoint().poolKey(), connection);
      }
    }
  }
}

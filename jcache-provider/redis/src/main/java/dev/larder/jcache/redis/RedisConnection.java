package dev.larder.jcache.redis;

import dev.larder.jcache.spi.StoreException;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Jedis client (and its connection pool) for one endpoint, shared by every cache manager of a
 * caching provider that uses the endpoint; closed when the last one lets go. Thread-safe.
 */
final class RedisConnection {

  private final RedisEndpoint endpoint;
  private final UnifiedJedis client;
  private int users;

  RedisConnection(RedisEndpoint endpoint) {
    this.endpoint = endpoint;
    this.client = connect(endpoint);
    probe();
  }

  RedisEndpoint endpoint() {
    return endpoint;
  }

  UnifiedJedis client() {
    return client;
  }

  boolean isCluster() {
    return endpoint.kind == RedisEndpoint.Kind.CLUSTER;
  }

  synchronized void acquire() {
    users++;
  }

  /** Returns true when this was the last user and the client is closed. */
  synchronized boolean release() {
    if (--users > 0) {
      return false;
    }
    client.close();
    return true;
  }

  /** The connection pools of the cluster's masters, for walks that visit every node. */
  List<ConnectionPool> masters() {
    RedisClusterClient cluster = (RedisClusterClient) client;
    List<ConnectionPool> masters = new ArrayList<>();
    for (Map.Entry<String, ConnectionPool> node : cluster.getClusterNodes().entrySet()) {
      try (Connection connection = node.getValue().getResource()) {
        List<Object> role = new Jedis(connection).role();
        if (!role.isEmpty() && "master".equals(asText(role.get(0)))) {
          masters.add(node.getValue());
        }
      }
    }
    return masters;
  }

  private static String asText(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(value);
  }

  private static UnifiedJedis connect(RedisEndpoint endpoint) {
    JedisClientConfig config = clientConfig(endpoint, endpoint.database);
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(endpoint.poolSize);
    pool.setMaxIdle(endpoint.poolSize);
    pool.setMaxWait(java.time.Duration.ofMillis(endpoint.timeoutMillis));
    try {
      return switch (endpoint.kind) {
        case SINGLE ->
            RedisClient.builder()
                .hostAndPort(endpoint.nodes.get(0))
                .clientConfig(config)
                .poolConfig(pool)
                .build();
        case CLUSTER ->
            RedisClusterClient.builder()
                .nodes(new HashSet<>(endpoint.nodes))
                .clientConfig(config)
                .poolConfig(pool)
                .build();
        case SENTINEL ->
            RedisSentinelClient.builder()
                .masterName(endpoint.masterName)
                .sentinels(new HashSet<>(endpoint.nodes))
                .clientConfig(config)
                .sentinelClientConfig(clientConfig(endpoint, 0))
                .poolConfig(pool)
                .build();
      };
    } catch (JedisException e) {
      if (endpoint.kind == RedisEndpoint.Kind.CLUSTER) {
        throw explainClusterStart(endpoint, config, e);
      }
      throw explain(endpoint, e);
    }
  }

  /**
   * Jedis says only "could not initialize cluster slots cache" when a cluster client cannot start:
   * ask the first seed node directly whether it is down, refuses the credentials, or is no cluster
   * node at all.
   */
  private static StoreException explainClusterStart(
      RedisEndpoint endpoint, JedisClientConfig config, JedisException failure) {
    try (Jedis seed = new Jedis(endpoint.nodes.get(0), config)) {
      String info = seed.info("cluster");
      if (info != null && info.contains("cluster_enabled:0")) {
        return new StoreException(
            "LARDER-R04: "
                + endpoint.describe()
                + " is not a Redis Cluster node; use redis://host:port for a single node",
            failure);
      }
      return explain(endpoint, failure);
    } catch (JedisException e) {
      return explain(endpoint, e);
    }
  }

  private static JedisClientConfig clientConfig(RedisEndpoint endpoint, int database) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .resp2()
            .timeoutMillis(endpoint.timeoutMillis)
            .connectionTimeoutMillis(endpoint.connectTimeoutMillis)
            .socketTimeoutMillis(endpoint.timeoutMillis)
            .database(database)
            .clientName("larder");
    if (endpoint.user != null) {
      config.user(endpoint.user);
    }
    if (endpoint.password != null) {
      config.password(endpoint.password);
    }
    if (endpoint.tls) {
      config.sslOptions(sslOptions(endpoint));
    }
    return config.build();
  }

  private static SslOptions sslOptions(RedisEndpoint endpoint) {
    if (endpoint.truststore == null) {
      return SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build();
    }
    char[] password =
        endpoint.truststorePassword == null ? null : endpoint.truststorePassword.toCharArray();
    return SslOptions.builder()
        .truststore(new File(endpoint.truststore), password)
        .trustStoreType(endpoint.truststoreType)
        .sslVerifyMode(SslVerifyMode.FULL)
        .build();
  }

  /**
   * Connects once, so a wrong password, TLS against a plain port or a cluster URI aimed at a single
   * node fail at connect time with a message that says what to fix. A server that is merely down is
   * not an error here: operations fail until it is back.
   */
  private void probe() {
    try {
      if (endpoint.kind == RedisEndpoint.Kind.SINGLE) {
        String info = client.info("cluster");
        if (info != null && info.contains("cluster_enabled:1")) {
          client.close();
          throw new StoreException(
              "LARDER-R04: "
                  + endpoint.describe()
                  + " is a Redis Cluster node; use redis-cluster://host:port,host:port");
        }
      } else {
        client.ping();
      }
    } catch (JedisException e) {
      StoreException explained = explain(endpoint, e);
      if (isDown(e)) {
        System.getLogger(RedisConnection.class.getName())
            .log(System.Logger.Level.WARNING, explained.getMessage());
        return;
      }
      client.close();
      throw explained;
    }
  }

  private boolean isDown(JedisException e) {
    return e instanceof JedisConnectionException && !tlsFailure(endpoint, e);
  }

  /**
   * A TLS client talking to a plain port sees either a handshake error or, as the plain server
   * waits for a command line that never comes, a read timeout.
   */
  private static boolean tlsFailure(RedisEndpoint endpoint, JedisException e) {
    Throwable root = rootCause(e);
    return root instanceof SSLException
        || (endpoint.tls && root instanceof java.net.SocketTimeoutException);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Turns a Jedis failure into a message naming the endpoint (never the password). */
  static StoreException explain(RedisEndpoint endpoint, JedisException e) {
    String where = endpoint.describe();
    String message;
    if (e instanceof JedisAccessControlException
        || (e.getMessage() != null && e.getMessage().contains("WRONGPASS"))
        || (e.getMessage() != null && e.getMessage().contains("NOAUTH"))) {
      message =
          "LARDER-R02: "
              + where
              + " rejected the credentials"
              + (endpoint.user == null ? "" : " of user '" + endpoint.user + "'")
              + "; check the user and password (URI or larder.redis.password)";
    } else if (tlsFailure(endpoint, e)) {
      message =
          "LARDER-R03: the TLS handshake with "
              + where
              + " failed ("
              + rootCause(e).getMessage()
              + "); is TLS enabled on that port, and is its certificate trusted? Use redis://"
              + " for a plain port";
    } else if (e instanceof JedisDataException
        && e.getMessage() != null
        && e.getMessage().contains("cluster support disabled")) {
      message =
          "LARDER-R04: "
              + where
              + " is not a Redis Cluster node; use redis://host:port for a single node";
    } else if (e instanceof JedisConnectionException) {
      message =
          "LARDER-R06: cannot reach Redis at "
              + where
              + " ("
              + rootCause(e).getClass().getSimpleName()
              + ": "
              + rootCause(e).getMessage()
              + ")";
    } else {
      message = "LARDER-R07: Redis at " + where + " answered with an error: " + e.getMessage();
    }
    return new StoreException(message, e);
  }
}

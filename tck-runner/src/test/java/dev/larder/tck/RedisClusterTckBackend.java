package dev.larder.tck;

import dev.larder.testkit.redis.RedisCluster;
import java.net.URI;

/** A three-master Redis Cluster for the TCK, on free loopback ports. */
public final class RedisClusterTckBackend implements TckBackend {

  private RedisCluster cluster;

  @Override
  public URI start() {
    cluster = RedisCluster.start();
    return cluster.uri();
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
    }
  }
}

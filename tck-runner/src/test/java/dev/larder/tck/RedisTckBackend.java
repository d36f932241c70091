package dev.larder.tck;

import dev.larder.testkit.redis.RedisServer;
import java.net.URI;

/** A single Redis node for the TCK, on a free loopback port. */
public final class RedisTckBackend implements TckBackend {

  private RedisServer server;

  @Override
  public URI start() {
    server = RedisServer.start();
    return server.uri();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}

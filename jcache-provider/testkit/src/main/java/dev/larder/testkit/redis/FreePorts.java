package dev.larder.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks loopback ports that are free right now, never the machine's own Redis ports. */
final class FreePorts {

  /** A cluster node also listens on its port + 10000 (the cluster bus). */
  static final int CLUSTER_BUS_OFFSET = 10000;

  private static final int ATTEMPTS = 200;

  private FreePorts() {}

  /**
   * A free port on 127.0.0.1; with {@code clusterBus}, one whose bus port is free too. Another
   * process may still take it before the server binds, so callers retry on "Address already in
   * use".
   */
  static int pick(boolean clusterBus) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = anyFreePort();
      if (port == 6379 || port == 16379) {
        continue;
      }
      if (!clusterBus) {
        return port;
      }
      int bus = port + CLUSTER_BUS_OFFSET;
      if (bus <= 65535 && bus != 16379 && isFree(bus)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port found in " + ATTEMPTS + " attempts");
  }

  private static int anyFreePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(RedisNode.HOST, 0), 1);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a socket on " + RedisNode.HOST, e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(RedisNode.HOST, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClusterClient;

/** Each test owns its cluster. */
class RedisClusterLifecycleTest {

  @Test
  void restartNode_keepsItsSlots_andTheClusterBecomesHealthyAgain() {
    try (RedisCluster cluster = RedisCluster.start()) {
      RedisServer second = cluster.nodes().get(1);
      int port = second.port();

      second.restart();
      cluster.awaitHealthy();

      assertEquals(port, second.port());
      assertTrue(((String) second.call("CLUSTER", "INFO")).contains("cluster_state:ok"));
      try (RedisClusterClient client = RedisClusterTest.clusterClient(cluster)) {
        for (int i = 0; i < 30; i++) {
          client.set("after-restart:" + i, "v");
        }
      }
      assertTrue((Long) second.call("DBSIZE") > 0);
    }
  }

  @Test
  void embeddedBinary_formsAClusterWithoutRedisCli() {
    try (RedisCluster cluster = RedisCluster.builder().binary(RedisBinary.embedded()).start()) {

      for (RedisServer node : cluster.nodes()) {
        assertTrue(node.binary().version().startsWith("6.2."));
        assertTrue(((String) node.call("CLUSTER", "INFO")).contains("cluster_state:ok"));
      }
    }
  }

  @Test
  void masters_one_ownsEverySlot() {
    try (RedisCluster cluster = RedisCluster.builder().masters(1).start()) {

      assertEquals(1, cluster.nodes().size());
      assertTrue(
          ((String) cluster.nodes().get(0).call("CLUSTER", "INFO"))
              .contains("cluster_slots_ok:16384"));
    }
  }

  @Test
  void close_stopsEveryNodeAndDeletesTheirFiles() {
    RedisCluster cluster = RedisCluster.start();
    List<RedisServer> nodes = cluster.nodes();
    List<Path> directories = nodes.stream().map(RedisServer::directory).toList();

    cluster.close();
    cluster.close();

    for (RedisServer node : nodes) {
      assertFalse(node.isRunning());
    }
    for (Path directory : directories) {
      assertFalse(Files.exists(directory));
    }
  }
}

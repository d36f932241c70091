package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/** One shared three-master cluster. */
class RedisClusterTest {

  @RegisterExtension
  static final RedisServerExtension<RedisCluster> redis = RedisServerExtension.cluster();

  @Test
  void start_everyNodeReportsStateOkWithAllSlotsAndPeers() {
    List<RedisServer> nodes = redis.get().nodes();

    assertEquals(3, nodes.size());
    for (RedisServer node : nodes) {
      String info = (String) node.call("CLUSTER", "INFO");
      assertTrue(info.contains("cluster_state:ok"), info);
      assertTrue(info.contains("cluster_slots_assigned:16384"), info);
      assertTrue(info.contains("cluster_known_nodes:3"), info);
      assertTrue(info.contains("cluster_size:3"), info);
    }
  }

  @Test
  void uri_listsEveryNodeAsASeed() {
    RedisCluster cluster = redis.get();
    String expected =
        cluster.nodes().stream()
            .map(node -> "127.0.0.1:" + node.port())
            .collect(Collectors.joining(",", "redis-cluster://", ""));

    assertEquals(URI.create(expected), cluster.uri());
    assertEquals("redis-cluster", cluster.uri().getScheme());
    assertEquals(cluster.nodes().stream().map(RedisServer::address).toList(), cluster.seedNodes());
  }

  @Test
  void nodeForSlot_agreesWithTheServersSlotMap() {
    RedisCluster cluster = redis.get();

    @SuppressWarnings("unchecked")
    List<List<Object>> ranges =
        (List<List<Object>>) cluster.nodes().get(0).call("CLUSTER", "SLOTS");

    assertEquals(3, ranges.size());
    for (List<Object> range : ranges) {
      int first = ((Long) range.get(0)).intValue();
      int last = ((Long) range.get(1)).intValue();
      long port = (Long) ((List<?>) range.get(2)).get(1);
      assertEquals("127.0.0.1", ((List<?>) range.get(2)).get(0));
      assertEquals(port, cluster.nodeForSlot(first).port());
      assertEquals(port, cluster.nodeForSlot(last).port());
    }
    assertSame(cluster.nodes().get(0), cluster.nodeForSlot(0));
    assertSame(cluster.nodes().get(2), cluster.nodeForSlot(RedisCluster.SLOTS - 1));
  }

  @Test
  void jedisClusterClient_spreadsKeysOverEveryNode_nodeForKeyFindsThem() {
    RedisCluster cluster = redis.get();
    try (RedisClusterClient client = clusterClient(cluster)) {
      for (int i = 0; i < 100; i++) {
        client.set("spread:" + i, "v" + i);
      }
    }

    for (RedisServer node : cluster.nodes()) {
      assertTrue((Long) node.call("DBSIZE") > 0, node + " holds no key");
    }
    for (int i = 0; i < 100; i++) {
      assertEquals("v" + i, cluster.nodeForKey("spread:" + i).call("GET", "spread:" + i));
    }
  }

  @Test
  void commandStats_perNodeAndSummed() {
    RedisCluster cluster = redis.get();
    cluster.resetCommandStats();
    RedisServer owner = cluster.nodeForKey("stats:key");

    try (RedisClusterClient client = clusterClient(cluster)) {
      client.set("stats:key", "v");
      client.get("stats:key");
    }

    assertEquals(1L, owner.commandStats().get("set"));
    assertEquals(1L, owner.commandStats().get("get"));
    for (RedisServer node : cluster.nodes()) {
      if (node != owner) {
        assertNull(node.commandStats().get("set"), node.toString());
      }
    }
    assertEquals(1L, cluster.commandStats().get("set"));
  }

  @Test
  void flushAll_clearsEveryNode() {
    RedisCluster cluster = redis.get();
    try (RedisClusterClient client = clusterClient(cluster)) {
      for (int i = 0; i < 30; i++) {
        client.set("flush:" + i, "v");
      }
    }

    cluster.flushAll();

    for (RedisServer node : cluster.nodes()) {
      assertEquals(0L, node.call("DBSIZE"));
    }
  }

  static RedisClusterClient clusterClient(RedisCluster cluster) {
    Set<HostAndPort> seeds =
        cluster.seedNodes().stream()
            .map(seed -> new HostAndPort(seed.getHostString(), seed.getPort()))
            .collect(Collectors.toSet());
    return RedisClusterClient.builder().nodes(seeds).build();
  }
}

package dev.larder.testkit.redis;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of masters without replicas on free ports of 127.0.0.1 (three unless told
 * otherwise), joined by the testkit itself with {@code CLUSTER MEET} and {@code CLUSTER ADDSLOTS},
 * so only {@code redis-server} is needed. Node {@code i} of {@code n} owns the slots from {@code i
 * * 16384 / n} up to the next node's first slot. {@link #start()} returns once every node reports
 * {@code cluster_state:ok}.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.start()) {
 *   URI uri = cluster.uri(); // redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3
 *   Map<String, Long> onFirstNode = cluster.nodes().get(0).commandStats();
 * }
 * }</pre>
 *
 * <p>Each node is a {@link RedisServer}: it can be stopped, restarted (it keeps its slots) or
 * paused on its own; call {@link #awaitHealthy()} after a restart. In JUnit 5 tests prefer {@link
 * RedisServerExtension#cluster()}. Thread-safe.
 */
public final class RedisCluster implements RedisEndpoint {

  /** The number of hash slots in every Redis Cluster. */
  public static final int SLOTS = 16384;

  private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> nodes;

  private RedisCluster(List<RedisServer> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Starts three masters with {@link RedisBinary#locate()}. */
  public static RedisCluster start() {
    return builder().start();
  }

  /** A builder for another binary or number of masters. */
  public static Builder builder() {
    return new Builder();
  }

  /** The nodes, in slot order: node 0 owns slot 0. */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /** Every node's address; a client needs any one of them. */
  public List<InetSocketAddress> seedNodes() {
    return nodes.stream().map(RedisNode::address).toList();
  }

  /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,...}, every node as a seed. */
  @Override
  public URI uri() {
    return URI.create(
        "redis-cluster://"
            + nodes.stream()
                .map(node -> node.host() + ":" + node.port())
                .collect(Collectors.joining(",")));
  }

  /**
   * The node that owns the slot of {@code key}, as the server computes it ({@code CLUSTER
   * KEYSLOT}).
   */
  public RedisServer nodeForKey(String key) {
    Object slot = nodes.get(0).call("CLUSTER", "KEYSLOT", key);
    return nodeForSlot(((Long) slot).intValue());
  }

  /** The node that owns {@code slot}. */
  public RedisServer nodeForSlot(int slot) {
    if (slot < 0 || slot >= SLOTS) {
      throw new IllegalArgumentException("slot " + slot + " is not in 0.." + (SLOTS - 1));
    }
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (slot >= firstSlot(i, nodes.size())) {
        return nodes.get(i);
      }
    }
    throw new AssertionError("slot " + slot);
  }

  /** The sum over all nodes; see {@link RedisEndpoint#commandStats()}. */
  @Override
  public Map<String, Long> commandStats() {
    Map<String, Long> total = new TreeMap<>();
    for (RedisServer node : nodes) {
      node.commandStats().forEach((command, calls) -> total.merge(command, calls, Long::sum));
    }
    return Collections.unmodifiableMap(total);
  }

  @Override
  public void resetCommandStats() {
    nodes.forEach(RedisNode::resetCommandStats);
  }

  @Override
  public void flushAll() {
    nodes.forEach(RedisNode::flushAll);
  }

  /**
   * Waits until every node reports {@code cluster_state:ok} and knows all the others, as after a
   * node restart.
   *
   * @throws IllegalStateException after 30 s, with every node's {@code CLUSTER INFO}
   */
  public void awaitHealthy() {
    long deadline = System.nanoTime() + HEALTHY_TIMEOUT.toNanos();
    while (!isHealthy()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the test cluster did not reach cluster_state:ok within "
                + HEALTHY_TIMEOUT.toSeconds()
                + " s: "
                + describeNodes());
      }
      RedisNode.sleep(Duration.ofMillis(50));
    }
  }

  /** Stops every node and deletes their files. Idempotent. */
  public void stop() {
    close();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (RedisServer node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "RedisCluster" + nodes;
  }

  private boolean isHealthy() {
    for (RedisServer node : nodes) {
      if (!node.isRunning()) {
        return false;
      }
      String info;
      try {
        info = (String) node.call("CLUSTER", "INFO");
      } catch (RuntimeException e) {
        return false; // a restarted node may still be refusing connections
      }
      if (!info.contains("cluster_state:ok")
          || !info.contains("cluster_known_nodes:" + nodes.size() + "\r")
          || !info.contains("cluster_slots_ok:" + SLOTS + "\r")) {
        return false;
      }
    }
    return true;
  }

  private String describeNodes() {
    StringBuilder description = new StringBuilder();
    for (RedisServer node : nodes) {
      description.append(System.lineSeparator()).append(node).append(": ");
      try {
        description.append(((String) node.call("CLUSTER", "INFO")).replace("\r\n", " "));
      } catch (RuntimeException e) {
        description.append(e.getMessage());
      }
    }
    return description.toString();
  }

  private static int firstSlot(int node, int nodeCount) {
    return node * SLOTS / nodeCount;
  }

  /** Options for {@link RedisCluster}. Not thread-safe. */
  public static final class Builder {

    private RedisBinary binary;
    private int masters = 3;

    private Builder() {}

    /** The executable to run on every node; {@link RedisBinary#locate()} if not set. */
    public Builder binary(RedisBinary binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** How many masters, each with an equal share of the slots; 3 if not set. */
    public Builder masters(int masters) {
      if (masters < 1 || masters > 16) {
        throw new IllegalArgumentException("masters must be 1..16, not " + masters);
      }
      this.masters = masters;
      return this;
    }

    /** Starts the nodes, joins them, assigns the slots and waits for {@code cluster_state:ok}. */
    public RedisCluster start() {
      RedisBinary chosen = binary != null ? binary : RedisBinary.locate();
      List<RedisServer> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < masters; i++) {
          nodes.add(RedisServer.startClusterNode(chosen));
        }
        RedisCluster cluster = new RedisCluster(nodes);
        join(nodes);
        cluster.awaitHealthy();
        return cluster;
      } catch (RuntimeException | Error e) {
        nodes.forEach(RedisNode::close);
        throw e;
      }
    }

    private static void join(List<RedisServer> nodes) {
      for (int i = 0; i < nodes.size(); i++) {
        RedisServer node = nodes.get(i);
        // Distinct epochs up front, as redis-cli does, so no epoch collision has to be resolved.
        node.call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        int first = firstSlot(i, nodes.size());
        int end = firstSlot(i + 1, nodes.size());
        // ADDSLOTS rather than 7.0's ADDSLOTSRANGE so the embedded 6.2 binary works too.
        String[] command = new String[2 + end - first];
        command[0] = "CLUSTER";
        command[1] = "ADDSLOTS";
        for (int slot = first; slot < end; slot++) {
          command[2 + slot - first] = Integer.toString(slot);
        }
        node.call(command);
      }
      RedisServer first = nodes.get(0);
      for (RedisServer other : nodes.subList(1, nodes.size())) {
        first.call("CLUSTER", "MEET", other.host(), Integer.toString(other.port()));
      }
    }
  }
}

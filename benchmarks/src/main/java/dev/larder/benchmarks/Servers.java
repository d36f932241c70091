package dev.larder.benchmarks;

/**
 * Where the benchmark JVMs find the servers that {@link RunAll} started once for the whole run, so
 * that Larder and every peer talk to the same server. A benchmark started without them (from an
 * IDE, or by JMH's own main) starts its own for the fork.
 */
public final class Servers {

  /** System property: the {@code redis://host:port} URI of the run's redis-server. */
  public static final String REDIS = "larder.bench.redis";

  /** System property: the {@code http://host:port} endpoint of the run's DynamoDB Local. */
  public static final String DYNAMODB = "larder.bench.dynamodb";

  private Servers() {}
}

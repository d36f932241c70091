package dev.larder.benchmarks;

import dev.larder.benchmarks.contended.ContendedBenchmark;
import dev.larder.benchmarks.dynamodb.DynamoDbBenchmark;
import dev.larder.benchmarks.memory.MemoryBenchmark;
import dev.larder.benchmarks.redis.RedisBenchmark;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.redis.RedisServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes one JMH JSON file: memory (1 and 2 threads, with the GC
 * profiler for allocation per operation), Redis (1 and 8 threads), DynamoDB (1 thread) and one
 * contended key on every backend (8 threads). It starts one redis-server and one DynamoDB Local
 * server for the whole run and hands their addresses to JMH's forked JVMs, so Larder and its peers
 * always meet the same server.
 *
 * <pre>
 * RunAll [--quick] [--out FILE] [--only memory|redis|dynamodb|contended] [--prof PROFILER]
 * </pre>
 *
 * {@code --quick} is a few short iterations in one fork (minutes); the default is 2 forks of 5
 * warm-up and 5 measured iterations of 2 s (Redis and DynamoDB: rounds of one fork per client in
 * alternating order, see below). {@code --prof} adds a JMH profiler (for example {@code stack}) to
 * every benchmark, for investigations.
 */
public final class RunAll {

  /** RedisBenchmark's clients, in declared order. */
  private static final List<String> REDIS_CLIENTS = List.of("larder", "redisson", "jedis");

  /** DynamoDbBenchmark's clients, in declared order. */
  private static final List<String> DYNAMODB_CLIENTS = List.of("larder", "sdk", "sdk-larder-item");

  private RunAll() {}

  public static void main(String[] args) throws IOException, RunnerException {
    boolean quick = false;
    Path out = Path.of("benchmarks/results/results.json");
    String only = null;
    List<String> profilers = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--prof" -> profilers.add(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; use [--quick] [--out FILE] [--only SUITE] [--prof P]");
      }
    }
    int forks = quick ? 1 : 2;
    List<RunResult> results = new ArrayList<>();
    try (RedisServer redis = RedisServer.start();
        DynamoDbLocal dynamodb = DynamoDbLocal.server()) {
      String[] servers = {
        "-D" + Servers.REDIS + "=" + redis.uri(),
        "-D" + Servers.DYNAMODB + "=" + dynamodb.endpoint()
      };
      if (only == null || only.equals("memory")) {
        for (int threads : new int[] {1, 2}) {
          results.addAll(
              run(MemoryBenchmark.class, threads, quick, servers, profilers, true, forks, null));
        }
      }
      if (only == null || only.equals("redis")) {
        // A one-thread round trip on this kind of VM drifts by 10-20% between JVM forks and over
        // minutes (scheduling of the client and redis-server on two cores), more than the 15%
        // the one-thread target allows. So the clients take turns: one fork each per round,
        // rounds alternate declared and reverse order, and one thread gets twice the rounds;
        // the report averages a client's rounds.
        for (int threads : new int[] {1, 8}) {
          int rounds = quick ? 1 : threads == 1 ? 4 : 2;
          for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? REDIS_CLIENTS : reverse(REDIS_CLIENTS);
            results.addAll(
                run(RedisBenchmark.class, threads, quick, servers, profilers, false, 1, order));
          }
        }
      }
      if (only == null || only.equals("dynamodb")) {
        // DynamoDB Local runs in this JVM and keeps getting faster as its JIT warms: whichever
        // client is measured first would pay for that (docs/performance.md). A discarded pass warms
        // it, then every client is measured twice, once in declared order and once in reverse, so
        // each gets an early and a late turn; the report averages the two.
        run(DynamoDbBenchmark.class, 1, true, servers, List.of(), false, 1, null);
        for (List<String> order : List.of(DYNAMODB_CLIENTS, reverse(DYNAMODB_CLIENTS))) {
          results.addAll(
              run(DynamoDbBenchmark.class, 1, quick, servers, profilers, false, 1, order));
        }
      }
      if (only == null || only.equals("contended")) {
        // every thread on one key: Larder's compare-and-set with backoff against the peers' locks
        results.addAll(run(ContendedBenchmark.class, 8, quick, servers, profilers, false, 1, null));
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (PrintStream stream =
        new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
    }
    System.out.println("Wrote " + results.size() + " results to " + out.toAbsolutePath());
  }

  private static List<String> reverse(List<String> clients) {
    List<String> reversed = new ArrayList<>(clients);
    Collections.reverse(reversed);
    return reversed;
  }

  /** One JMH run; {@code clients}, when given, are the clients in the order measured. */
  private static List<RunResult> run(
      Class<?> benchmark,
      int threads,
      boolean quick,
      String[] servers,
      List<String> profilers,
      boolean allocation,
      int forks,
      List<String> clients)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
            .threads(threads)
            .forks(forks)
            .warmupIterations(quick ? 2 : 5)
            .warmupTime(TimeValue.seconds(quick ? 1 : 2))
            .measurementIterations(quick ? 3 : 5)
            .measurementTime(TimeValue.seconds(quick ? 1 : 2))
            .jvmArgsAppend(servers[0], servers[1], "-Xms1g", "-Xmx1g")
            .shouldFailOnError(true);
    if (clients != null) {
      options.param("client", clients.toArray(String[]::new));
    }
    if (allocation) {
      options.addProfiler(GCProfiler.class);
    }
    profilers.forEach(options::addProfiler);
    return new ArrayList<>(new Runner(options.build()).run());
  }
}

package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.larder.jcache.storetck.linearizability.Call;
import dev.larder.jcache.storetck.linearizability.LinearizabilityChecker;
import dev.larder.jcache.storetck.linearizability.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every single-key operation of a cache is linearizable, across cache managers: each appears to
 * take effect at one instant between its invocation and its return, so a call that returned is seen
 * by every call invoked after it, through either manager.
 *
 * <p>Each history is 3 or 4 threads, split between {@link #manager()} and {@link #peer()} (two
 * connection pools, as two JVMs have), making 6 to 10 random calls each on one fresh key, with
 * values from a three-letter alphabet so that conditional writes often conflict. Every call is
 * stamped with {@link System#nanoTime()} before and after; {@link LinearizabilityChecker} then
 * searches for an order of the calls that respects those times and the sequential specification of
 * one JCache entry. A failure prints the history and the longest order that explains part of it.
 * The contract records as many histories as fit in {@link #budget()}, up to {@link #histories()},
 * and fails if any call throws or if no two calls ever overlapped (a check of sequential histories
 * only would prove little). It covers the entry's value alone: no expiry, loader, writer or
 * listener is configured.
 *
 * <p>Why a checker of recorded histories, not Lincheck: Lincheck's model-checking mode explores
 * interleavings by instrumenting bytecode and scheduling the test JVM's threads, but here the
 * interleavings that matter happen in a store reached over a socket (a Redis process; DynamoDB
 * Local behind HTTP, even when it runs in the test JVM), whose ordering it does not control. Its
 * stress mode would run, but it owns the run: it builds a fresh test instance per invocation (a
 * fresh entry on a remote store each time), the operations must be annotated methods of that
 * instance, and an exception either fails the run or is an ordinary result, where for a remote
 * store it means the outcome is unknown. It would also become a dependency of every backend module,
 * since a test-jar brings none along. Recording real histories and checking them afterwards needs
 * none of that: the clients do exactly what an application does, and the check (Wing-Gong search
 * with Lowe's memoization) is small enough to read and is itself tested, with histories it must
 * reject, by {@code LinearizabilityCheckerTest}.
 */
public abstract class LinearizabilityContract extends ExtensionFixture {

  private static final List<String> LETTERS = List.of("a", "b", "c");
  private static final List<String> NUMBERS = List.of("1", "2", "3");

  /** How long a thread spins for the others to start (then yields, on a crowded machine). */
  private static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** How many histories a test records at most. */
  protected int histories() {
    return 300;
  }

  /** How long a test keeps recording new histories. */
  protected Duration budget() {
    return Duration.ofSeconds(6);
  }

  @Test
  void singleKeyOperations_withAppendingProcessor_areLinearizable() throws Exception {
    check("linearizable appends", LETTERS, random -> Operation.append(pick(random, LETTERS)));
  }

  @Test
  void singleKeyOperations_withIncrementingProcessor_areLinearizable() throws Exception {
    check("linearizable increments", NUMBERS, random -> Operation.increment());
  }

  /** Makes the {@code invoke} call of a history: which processor, with which argument. */
  @FunctionalInterface
  private interface Invocations {
    Operation next(Random random);
  }

  private void check(String name, List<String> values, Invocations invocations) throws Exception {
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    Cache<String, String> mine = manager().createCache(name, configuration);
    Cache<String, String> theirs =
        peer() == manager() ? mine : peer().createCache(name, configuration);
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long deadline = System.nanoTime() + budget().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int recorded = 0;
    int calls = 0;
    int overlapping = 0;
    List<Call> failed = new ArrayList<>();
    try {
      while (recorded < histories() && System.nanoTime() < deadline) {
        int threads = 3 + random.nextInt(2);
        List<List<Operation>> programs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          List<Operation> program = new ArrayList<>();
          for (int i = 6 + random.nextInt(5); i > 0; i--) {
            program.add(randomOperation(random, values, invocations));
          }
          programs.add(program);
        }
        String key = "key " + recorded;
        List<Call> history = record(pool, List.of(mine, theirs), key, programs);
        LinearizabilityChecker.Verdict verdict = LinearizabilityChecker.check(history, null);
        if (!verdict.linearizable()) {
          fail(
              "history "
                  + recorded
                  + " of '"
                  + name
                  + "' on "
                  + uri()
                  + " (seed "
                  + seed
                  + ") is not linearizable\n"
                  + verdict.describe());
        }
        history.stream().filter(c -> !c.outcomeKnown()).forEach(failed::add);
        calls += history.size();
        overlapping += overlapping(history);
        recorded++;
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "%s on %s: %d linearizable histories of %d calls, %d of them overlapping another"
            + " thread's%n",
        name, uri(), recorded, calls, overlapping);
    assertTrue(failed.isEmpty(), () -> "calls failed on a healthy backend: " + failed);
    assertTrue(overlapping > 0, "no two calls overlapped: nothing concurrent was checked");
  }

  /**
   * Runs each program on its own thread, all released at once; even threads use the manager's
   * cache, odd ones the peer's. Returns every call, stamped.
   */
  private static List<Call> record(
      ExecutorService pool,
      List<Cache<String, String>> caches,
      String key,
      List<List<Operation>> programs)
      throws Exception {
    AtomicInteger arrived = new AtomicInteger();
    List<Future<List<Call>>> futures = new ArrayList<>();
    for (int t = 0; t < programs.size(); t++) {
      Cache<String, String> cache = caches.get(t % caches.size());
      String process = "t" + t + (cache == caches.get(0) ? "@manager" : "@peer");
      List<Operation> program = programs.get(t);
      Callable<List<Call>> run =
          () -> {
            // a spinning start, not a barrier's or a yielding one's: a thread that parks or
            // yields gets back on a core tens of microseconds late, when a whole program takes
            // about that long on the memory store
            arrived.incrementAndGet();
            long yieldAfter = System.nanoTime() + SPIN_NANOS;
            while (arrived.get() < programs.size()) {
              if (System.nanoTime() < yieldAfter) {
                Thread.onSpinWait();
              } else {
                Thread.yield();
              }
            }
            List<Call> calls = new ArrayList<>(program.size());
            for (Operation operation : program) {
              pause(ThreadLocalRandom.current().nextInt(2_000));
              long invoked = System.nanoTime();
              try {
                Object result = operation.invokeOn(cache, key);
                calls.add(Call.returned(process, operation, invoked, System.nanoTime(), result));
              } catch (RuntimeException e) {
                calls.add(Call.threw(process, operation, invoked, e));
              }
            }
            return calls;
          };
      futures.add(pool.submit(run));
    }
    List<Call> history = new ArrayList<>();
    for (Future<List<Call>> future : futures) {
      history.addAll(future.get(1, TimeUnit.MINUTES));
    }
    return history;
  }

  /**
   * Spins for up to two microseconds between calls, so that programs started a little apart still
   * overlap on a fast store; short next to one round trip to a remote one.
   */
  private static void pause(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  /** How many calls of {@code history} overlap a call of another thread. */
  private static int overlapping(List<Call> history) {
    int overlapping = 0;
    for (Call a : history) {
      if (history.stream().anyMatch(b -> !a.process().equals(b.process()) && a.overlaps(b))) {
        overlapping++;
      }
    }
    return overlapping;
  }

  private static Operation randomOperation(
      Random random, List<String> values, Invocations invocations) {
    Supplier<String> value = () -> pick(random, values);
    return switch (random.nextInt(12)) {
      case 0 -> Operation.get();
      case 1 -> Operation.containsKey();
      case 2 -> Operation.put(value.get());
      case 3 -> Operation.putIfAbsent(value.get());
      case 4 -> Operation.replace(value.get());
      case 5 -> Operation.replace(value.get(), value.get());
      case 6 -> Operation.remove();
      case 7 -> Operation.remove(value.get());
      case 8 -> Operation.getAndPut(value.get());
      case 9 -> Operation.getAndRemove();
      case 10 -> Operation.getAndReplace(value.get());
      default -> invocations.next(random);
    };
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}

package dev.larder.jcache.storetck.linearizability;

import static dev.larder.jcache.storetck.linearizability.Operation.append;
import static dev.larder.jcache.storetck.linearizability.Operation.get;
import static dev.larder.jcache.storetck.linearizability.Operation.getAndPut;
import static dev.larder.jcache.storetck.linearizability.Operation.increment;
import static dev.larder.jcache.storetck.linearizability.Operation.put;
import static dev.larder.jcache.storetck.linearizability.Operation.putIfAbsent;
import static dev.larder.jcache.storetck.linearizability.Operation.remove;
import static dev.larder.jcache.storetck.linearizability.Operation.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;

/**
 * The checker can fail: hand-made histories that no order explains are rejected, and ones that an
 * order explains, some only through a non-obvious one, are accepted.
 */
class LinearizabilityCheckerTest {

  private static Call call(String process, Operation operation, long from, long to, Object result) {
    return Call.returned(process, operation, from, to, result);
  }

  private static void assertRejected(String initial, Call... history) {
    LinearizabilityChecker.Verdict verdict =
        LinearizabilityChecker.check(Arrays.asList(history), initial);
    assertFalse(verdict.linearizable(), verdict::describe);
  }

  private static LinearizabilityChecker.Verdict assertAccepted(String initial, Call... history) {
    LinearizabilityChecker.Verdict verdict =
        LinearizabilityChecker.check(Arrays.asList(history), initial);
    assertTrue(verdict.linearizable(), verdict::describe);
    return verdict;
  }

  @Test
  void get_afterAPutReturned_mustSeeIt() {
    assertRejected(null, call("A", put("a"), 0, 10, null), call("B", get(), 20, 30, null));
  }

  @Test
  void get_overlappingAPut_maySeeEitherValue() {
    assertAccepted(null, call("A", put("a"), 0, 10, null), call("B", get(), 5, 30, null));
    assertAccepted(null, call("A", put("a"), 0, 10, null), call("B", get(), 5, 30, "a"));
  }

  @Test
  void get_invokedTheNanosecondAPutReturned_countsAsConcurrent() {
    assertAccepted(null, call("A", put("a"), 0, 10, null), call("B", get(), 10, 20, null));
  }

  @Test
  void twoReads_seeingAWriteThenNot_areRejected() {
    // a new value seen by one reader must be seen by every later reader (no flickering back)
    assertRejected(
        "old",
        call("A", put("new"), 0, 100, null),
        call("B", get(), 10, 20, "new"),
        call("C", get(), 30, 40, "old"));
  }

  @Test
  void putIfAbsent_twoWinners_areRejected() {
    assertRejected(
        null,
        call("A", putIfAbsent("a"), 0, 10, true),
        call("B", putIfAbsent("b"), 0, 10, true),
        call("C", get(), 20, 30, "b"));
  }

  @Test
  void increment_twoReturningTheSameCount_isALostUpdate() {
    assertRejected(null, call("A", increment(), 0, 10, "1"), call("B", increment(), 0, 10, "1"));
  }

  @Test
  void replaceIfEquals_onAnAbsentEntry_cannotSucceed() {
    assertRejected(null, call("A", replace("a", "b"), 0, 10, true));
  }

  @Test
  void aHistory_explainedOnlyByReorderingOverlappingCalls_isAccepted() {
    // the long put of 'a' must take effect after the short put of 'b', though invoked first
    LinearizabilityChecker.Verdict verdict =
        assertAccepted(
            null,
            call("A", put("a"), 0, 100, null),
            call("B", put("b"), 10, 20, null),
            call("B", get(), 30, 40, "b"),
            call("C", getAndPut("c"), 50, 200, "a"),
            call("B", remove("c"), 210, 220, true));
    assertEquals(
        List.of("put(b)", "get", "put(a)", "getAndPut(c)", "remove(c)"),
        verdict.order().stream().map(c -> c.operation().toString()).toList());
  }

  @Test
  void aCallThatThrew_mayTakeEffectLateOrNever() {
    Call threw = Call.threw("A", put("a"), 0, new CacheException("lost reply"));
    assertAccepted(null, threw, call("B", get(), 10, 20, null), call("B", get(), 30, 40, "a"));
    assertAccepted(null, threw, call("B", get(), 10, 20, null), call("B", get(), 30, 40, null));
    assertRejected(null, threw, call("B", get(), 10, 20, "a"), call("B", get(), 30, 40, null));
    assertRejected(null, threw, call("B", get(), 0, 20, "b"));
  }

  @Test
  void randomHistories_madeFromALinearization_areAccepted_andOneForgedResultIsRejected() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<Call> history = linearizableHistory(random, 4, 10);
      LinearizabilityChecker.Verdict verdict = LinearizabilityChecker.check(history, null);
      assertTrue(verdict.linearizable(), verdict::describe);

      // a read that returns a value no call ever wrote cannot be explained by any order
      List<Call> forged = new ArrayList<>(history);
      Call victim = forged.get(random.nextInt(forged.size()));
      forged.set(
          forged.indexOf(victim),
          call(victim.process(), get(), victim.invokedAt(), victim.returnedAt(), "forged"));
      LinearizabilityChecker.Verdict rejected = LinearizabilityChecker.check(forged, null);
      assertFalse(rejected.linearizable(), rejected::describe);
    }
  }

  /**
   * Runs {@code threads x perThread} random calls in one random sequential order, at linearization
   * points 100 ns apart, and stretches each call's interval around its point (up to 250 ns before,
   * 50 after, never overlapping its own thread's previous call), so calls overlap several others.
   */
  private static List<Call> linearizableHistory(Random random, int threads, int perThread) {
    int[] left = new int[threads];
    Arrays.fill(left, perThread);
    long[] lastReturn = new long[threads];
    Arrays.fill(lastReturn, -1);
    List<Call> history = new ArrayList<>();
    String state = null;
    long point = 1_000;
    for (int remaining = threads * perThread; remaining > 0; remaining--, point += 100) {
      int thread;
      do {
        thread = random.nextInt(threads);
      } while (left[thread] == 0);
      left[thread]--;
      Operation operation = randomOperation(random);
      Operation.Transition transition = operation.applyTo(state);
      state = transition.next();
      long invoked = Math.max(lastReturn[thread] + 1, point - random.nextInt(250));
      long returned = point + random.nextInt(50);
      lastReturn[thread] = returned;
      history.add(call("t" + thread, operation, invoked, returned, transition.result()));
    }
    return history;
  }

  private static Operation randomOperation(Random random) {
    String value = List.of("a", "b", "c").get(random.nextInt(3));
    String other = List.of("a", "b", "c").get(random.nextInt(3));
    return switch (random.nextInt(8)) {
      case 0 -> get();
      case 1 -> put(value);
      case 2 -> putIfAbsent(value);
      case 3 -> replace(other, value);
      case 4 -> remove(other);
      case 5 -> getAndPut(value);
      case 6 -> append(value);
      default -> Operation.getAndRemove();
    };
  }
}

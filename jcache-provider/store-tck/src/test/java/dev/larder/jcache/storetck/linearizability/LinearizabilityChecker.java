package dev.larder.jcache.storetck.linearizability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a recorded history of calls on one cache entry is linearizable: whether there is
 * one order of the calls that respects real time (a call that returned before another was invoked
 * comes first) and in which every call returns what {@link Operation#applyTo the sequential
 * specification} says, starting from the entry's initial value.
 *
 * <p>The search is Wing and Gong's, with Lowe's memoization ("Testing for linearizability", 2017):
 * walk the events in time order; at a call, try to linearize it now (its result must match the
 * specification in the current state) unless the pair (set of calls linearized, state) was already
 * explored; at a return whose call is not linearized yet, undo the last choice. A history of {@code
 * t} threads of {@code n} calls each has at most {@code (n+1)^t} sets that respect each thread's
 * order, so the memo keeps the search small for the histories the contract records.
 *
 * <p>It errs towards accepting, never towards rejecting: a call that returned at the very
 * nanosecond another was invoked counts as concurrent with it, and a call with an unknown outcome
 * ({@link Call#threw}) may be placed anywhere after its invocation with any result, which includes
 * "never": after every other call, where nothing observes it. A rejection is therefore a real
 * violation, provided the timestamps come from one clock ({@link System#nanoTime()} of one JVM).
 *
 * <p>Stateless and thread-safe.
 */
public final class LinearizabilityChecker {

  private LinearizabilityChecker() {}

  /**
   * The outcome of a check.
   *
   * @param linearizable whether an order was found
   * @param initial the entry's value before the history ({@code null}: absent)
   * @param history the calls checked
   * @param order if linearizable, an order that explains the history; otherwise the longest prefix
   *     of one the search reached, where a report can start looking
   */
  public record Verdict(
      boolean linearizable, String initial, List<Call> history, List<Call> order) {

    /**
     * The history, one call per line in order of invocation with times in microseconds from the
     * first invocation, then the order found or the longest prefix reached, with the entry's value
     * after each call.
     */
    public String describe() {
      long origin = history.stream().mapToLong(Call::invokedAt).min().orElse(0);
      StringBuilder text = new StringBuilder();
      text.append(linearizable ? "linearizable" : "NOT linearizable")
          .append(" history of ")
          .append(history.size())
          .append(" calls on an entry initially ")
          .append(initial == null ? "absent" : "'" + initial + "'")
          .append(":\n");
      history.stream()
          .sorted(Comparator.comparingLong(Call::invokedAt))
          .forEach(call -> text.append("  ").append(line(call, origin)).append('\n'));
      text.append(
          linearizable
              ? "an order that explains it:\n"
              : "the longest linearizable prefix found ("
                  + order.size()
                  + " of "
                  + history.size()
                  + " calls), after which no pending call fits:\n");
      String state = initial;
      for (Call call : order) {
        state = call.operation().applyTo(state).next();
        text.append("  ")
            .append(call.process())
            .append(' ')
            .append(call.operation())
            .append(" -> ")
            .append(call.outcomeKnown() ? show(call.result()) : "(unknown)")
            .append("   leaves ")
            .append(state == null ? "absent" : "'" + state + "'")
            .append('\n');
      }
      return text.toString();
    }

    private static String line(Call call, long origin) {
      String returned =
          call.outcomeKnown()
              ? String.format(Locale.ROOT, "%9.1f", (call.returnedAt() - origin) / 1000.0)
              : "        ?";
      return String.format(
          Locale.ROOT,
          "%-12s %9.1f ..%s us  %s -> %s",
          call.process(),
          (call.invokedAt() - origin) / 1000.0,
          returned,
          call.operation(),
          call.outcomeKnown() ? show(call.result()) : "threw " + call.failure());
    }

    private static String show(Object result) {
      return result instanceof String s ? "'" + s + "'" : String.valueOf(result);
    }
  }

  /** Checks {@code history}, calls on one entry that held {@code initial} before the first. */
  public static Verdict check(List<Call> history, String initial) {
    List<Call> calls = List.copyOf(history);
    Event head = eventList(calls);
    Deque<Choice> choices = new ArrayDeque<>();
    BitSet linearized = new BitSet(calls.size());
    Set<Explored> explored = new HashSet<>();
    List<Call> longest = List.of();
    String state = initial;
    Event event = head.next;
    while (head.next != null) {
      if (event.isCall) {
        Operation.Transition transition = event.call.operation().applyTo(state);
        boolean fits =
            !event.call.outcomeKnown() || Objects.equals(transition.result(), event.call.result());
        if (fits) {
          BitSet after = (BitSet) linearized.clone();
          after.set(event.index);
          if (explored.add(new Explored(after, transition.next()))) {
            choices.push(new Choice(event, state));
            linearized = after;
            state = transition.next();
            event.lift();
            if (choices.size() > longest.size()) {
              longest = order(choices);
            }
            event = head.next;
            continue;
          }
        }
        event = event.next;
      } else {
        // a call returned and none of the ways to place the calls before it explain the history
        if (choices.isEmpty()) {
          return new Verdict(false, initial, calls, longest);
        }
        Choice undone = choices.pop();
        state = undone.stateBefore;
        linearized = (BitSet) linearized.clone();
        linearized.clear(undone.call.index);
        undone.call.unlift();
        event = undone.call.next;
      }
    }
    return new Verdict(true, initial, calls, order(choices));
  }

  private static List<Call> order(Deque<Choice> choices) {
    List<Call> order = new ArrayList<>(choices.size());
    choices.descendingIterator().forEachRemaining(choice -> order.add(choice.call.call));
    return order;
  }

  /** A call the search linearized, and the entry's value before it (to undo it). */
  private record Choice(Event call, String stateBefore) {}

  /** A node visited by the search: which calls are linearized, and the value they leave. */
  private record Explored(BitSet linearized, String state) {}

  /**
   * The invocations and returns of {@code calls} as a doubly linked list in time order behind a
   * sentinel, which is returned. An invocation sorts before a return at the same instant (the two
   * calls count as concurrent); a call with an unknown outcome returns after everything.
   */
  private static Event eventList(List<Call> calls) {
    List<Event> events = new ArrayList<>(2 * calls.size());
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      Event invocation = new Event(call, i, true, call.invokedAt());
      Event response = new Event(call, i, false, call.returnedAt());
      invocation.match = response;
      events.add(invocation);
      events.add(response);
    }
    events.sort(Comparator.comparingLong((Event e) -> e.time).thenComparing(e -> e.isCall ? 0 : 1));
    Event head = new Event(null, -1, false, Long.MIN_VALUE);
    Event last = head;
    for (Event e : events) {
      last.next = e;
      e.prev = last;
      last = e;
    }
    return head;
  }

  private static final class Event {
    final Call call;
    final int index;
    final boolean isCall;
    final long time;
    Event match;
    Event prev;
    Event next;

    Event(Call call, int index, boolean isCall, long time) {
      this.call = call;
      this.index = index;
      this.isCall = isCall;
      this.time = time;
    }

    /** Takes this invocation and its return out of the list. */
    void lift() {
      prev.next = next;
      next.prev = prev; // an invocation is always followed, at least by its own return
      match.prev.next = match.next;
      if (match.next != null) {
        match.next.prev = match.prev;
      }
    }

    /** Puts them back where they were; undoes {@link #lift} in reverse order. */
    void unlift() {
      match.prev.next = match;
      if (match.next != null) {
        match.next.prev = match;
      }
      prev.next = this;
      next.prev = this;
    }
  }
}

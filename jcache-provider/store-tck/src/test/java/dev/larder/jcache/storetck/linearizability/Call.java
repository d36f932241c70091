package dev.larder.jcache.storetck.linearizability;

import static java.util.Objects.requireNonNull;

/**
 * One recorded call of a history: who made it, what it was, when it was invoked and when it
 * returned ({@link System#nanoTime()}, taken right before and right after), and what it returned. A
 * call that threw has an unknown outcome: it may have taken effect at any moment after its
 * invocation (a lost reply, a request still in flight), or never.
 *
 * @param process who called (a thread and its cache manager), for the report
 * @param operation what was called
 * @param invokedAt {@code nanoTime} before the call
 * @param returnedAt {@code nanoTime} after it returned; {@link Long#MAX_VALUE} if it threw
 * @param result what it returned; {@code null} if it threw
 * @param failure what it threw, or {@code null}
 */
public record Call(
    String process,
    Operation operation,
    long invokedAt,
    long returnedAt,
    Object result,
    Throwable failure) {

  public Call {
    requireNonNull(process, "process");
    requireNonNull(operation, "operation");
    if (returnedAt < invokedAt) {
      throw new IllegalArgumentException("returned before it was invoked: " + operation);
    }
  }

  /** A call that returned {@code result}. */
  public static Call returned(
      String process, Operation operation, long invokedAt, long returnedAt, Object result) {
    return new Call(process, operation, invokedAt, returnedAt, result, null);
  }

  /** A call that threw {@code failure}: whether, and when, it took effect is unknown. */
  public static Call threw(String process, Operation operation, long invokedAt, Throwable failure) {
    return new Call(process, operation, invokedAt, Long.MAX_VALUE, null, requireNonNull(failure));
  }

  public boolean outcomeKnown() {
    return failure == null;
  }

  /** Whether this call and {@code other} were in flight at the same time. */
  public boolean overlaps(Call other) {
    return invokedAt <= other.returnedAt && other.invokedAt <= returnedAt;
  }
}

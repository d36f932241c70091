package dev.larder.jcache.spi;

/**
 * What a {@link Mutator} decided to do with an entry, and the result to hand back to the caller.
 *
 * @param <R> the caller's result type
 */
public record Decision<R>(Action action, Write write, long expiresAt, R result) {

  /** The change a decision makes. */
  public enum Action {
    /** Leave the entry as it is. */
    KEEP,
    /** Store {@link Decision#write()}. */
    PUT,
    /** Remove the entry. */
    REMOVE,
    /** Change only the expiry to {@link Decision#expiresAt()}. */
    TOUCH
  }

  public static <R> Decision<R> keep(R result) {
    return new Decision<>(Action.KEEP, null, 0, result);
  }

  public static <R> Decision<R> put(Write write, R result) {
    return new Decision<>(Action.PUT, java.util.Objects.requireNonNull(write, "write"), 0, result);
  }

  public static <R> Decision<R> remove(R result) {
    return new Decision<>(Action.REMOVE, null, 0, result);
  }

  public static <R> Decision<R> touch(long expiresAt, R result) {
    return new Decision<>(Action.TOUCH, null, expiresAt, result);
  }
}

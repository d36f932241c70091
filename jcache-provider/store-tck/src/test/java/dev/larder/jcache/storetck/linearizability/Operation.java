package dev.larder.jcache.storetck.linearizability;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * One single-key JCache operation with its arguments, able both to run on a cache and to say what
 * it must do in sequence: its {@link #applyTo sequential specification} on one entry, a register
 * holding {@code null} (absent) or a String. The two {@code invoke} operations run a processor that
 * appends {@link #value} to the value, or increments a decimal value.
 *
 * @param kind which operation
 * @param value the value it writes (or appends); {@code null} for reads and plain removes
 * @param expected the old value {@code replace(k, old, new)} and {@code remove(k, old)} compare
 *     with; {@code null} otherwise
 */
public record Operation(Kind kind, String value, String expected) {

  /** The single-key operations of {@link Cache} the check covers. */
  public enum Kind {
    GET,
    CONTAINS_KEY,
    PUT,
    PUT_IF_ABSENT,
    REPLACE,
    REPLACE_IF_EQUALS,
    REMOVE,
    REMOVE_IF_EQUALS,
    GET_AND_PUT,
    GET_AND_REMOVE,
    GET_AND_REPLACE,
    INVOKE_APPEND,
    INVOKE_INCREMENT
  }

  /**
   * What an operation does to the entry in sequence.
   *
   * @param result what it returns ({@code null} for {@code put})
   * @param next what the entry holds afterwards ({@code null}: absent)
   */
  public record Transition(Object result, String next) {}

  public Operation {
    requireNonNull(kind, "kind");
  }

  public static Operation get() {
    return new Operation(Kind.GET, null, null);
  }

  public static Operation containsKey() {
    return new Operation(Kind.CONTAINS_KEY, null, null);
  }

  public static Operation put(String value) {
    return new Operation(Kind.PUT, requireNonNull(value), null);
  }

  public static Operation putIfAbsent(String value) {
    return new Operation(Kind.PUT_IF_ABSENT, requireNonNull(value), null);
  }

  public static Operation replace(String value) {
    return new Operation(Kind.REPLACE, requireNonNull(value), null);
  }

  public static Operation replace(String expected, String value) {
    return new Operation(Kind.REPLACE_IF_EQUALS, requireNonNull(value), requireNonNull(expected));
  }

  public static Operation remove() {
    return new Operation(Kind.REMOVE, null, null);
  }

  public static Operation remove(String expected) {
    return new Operation(Kind.REMOVE_IF_EQUALS, null, requireNonNull(expected));
  }

  public static Operation getAndPut(String value) {
    return new Operation(Kind.GET_AND_PUT, requireNonNull(value), null);
  }

  public static Operation getAndRemove() {
    return new Operation(Kind.GET_AND_REMOVE, null, null);
  }

  public static Operation getAndReplace(String value) {
    return new Operation(Kind.GET_AND_REPLACE, requireNonNull(value), null);
  }

  /** {@code invoke} with a processor that appends {@code suffix} and returns the old value. */
  public static Operation append(String suffix) {
    return new Operation(Kind.INVOKE_APPEND, requireNonNull(suffix), null);
  }

  /** {@code invoke} with a processor that increments a decimal value and returns the new one. */
  public static Operation increment() {
    return new Operation(Kind.INVOKE_INCREMENT, null, null);
  }

  /** Runs this operation on {@code key} of {@code cache} and returns its result. */
  public Object invokeOn(Cache<String, String> cache, String key) {
    return switch (kind) {
      case GET -> cache.get(key);
      case CONTAINS_KEY -> cache.containsKey(key);
      case PUT -> {
        cache.put(key, value);
        yield null;
      }
      case PUT_IF_ABSENT -> cache.putIfAbsent(key, value);
      case REPLACE -> cache.replace(key, value);
      case REPLACE_IF_EQUALS -> cache.replace(key, expected, value);
      case REMOVE -> cache.remove(key);
      case REMOVE_IF_EQUALS -> cache.remove(key, expected);
      case GET_AND_PUT -> cache.getAndPut(key, value);
      case GET_AND_REMOVE -> cache.getAndRemove(key);
      case GET_AND_REPLACE -> cache.getAndReplace(key, value);
      case INVOKE_APPEND -> cache.invoke(key, new Append(), value);
      case INVOKE_INCREMENT -> cache.invoke(key, new Increment());
    };
  }

  /**
   * The sequential specification (JSR-107 javadoc of each method): what this operation returns on
   * an entry holding {@code state} ({@code null}: absent), and what it leaves there.
   */
  public Transition applyTo(String state) {
    return switch (kind) {
      case GET -> new Transition(state, state);
      case CONTAINS_KEY -> new Transition(state != null, state);
      case PUT -> new Transition(null, value);
      case PUT_IF_ABSENT ->
          state == null ? new Transition(true, value) : new Transition(false, state);
      case REPLACE -> state != null ? new Transition(true, value) : new Transition(false, null);
      case REPLACE_IF_EQUALS ->
          expected.equals(state) ? new Transition(true, value) : new Transition(false, state);
      case REMOVE -> new Transition(state != null, null);
      case REMOVE_IF_EQUALS ->
          expected.equals(state) ? new Transition(true, null) : new Transition(false, state);
      case GET_AND_PUT -> new Transition(state, value);
      case GET_AND_REMOVE -> new Transition(state, null);
      case GET_AND_REPLACE -> new Transition(state, state == null ? null : value);
      case INVOKE_APPEND -> new Transition(state, Append.appended(state, value));
      case INVOKE_INCREMENT -> {
        String next = Increment.incremented(state);
        yield new Transition(next, next);
      }
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case GET -> "get";
      case CONTAINS_KEY -> "containsKey";
      case PUT -> "put(" + value + ")";
      case PUT_IF_ABSENT -> "putIfAbsent(" + value + ")";
      case REPLACE -> "replace(" + value + ")";
      case REPLACE_IF_EQUALS -> "replace(" + expected + ", " + value + ")";
      case REMOVE -> "remove";
      case REMOVE_IF_EQUALS -> "remove(" + expected + ")";
      case GET_AND_PUT -> "getAndPut(" + value + ")";
      case GET_AND_REMOVE -> "getAndRemove";
      case GET_AND_REPLACE -> "getAndReplace(" + value + ")";
      case INVOKE_APPEND -> "invoke(append " + value + ")";
      case INVOKE_INCREMENT -> "invoke(increment)";
    };
  }

  /** Appends its argument to the value (an absent entry counts as empty); returns the old value. */
  static final class Append implements EntryProcessor<String, String, String>, Serializable {
    private static final long serialVersionUID = 1L;

    static String appended(String value, String suffix) {
      return (value == null ? "" : value) + suffix;
    }

    @Override
    public String process(MutableEntry<String, String> entry, Object... arguments) {
      String old = entry.exists() ? entry.getValue() : null;
      entry.setValue(appended(old, (String) arguments[0]));
      return old;
    }
  }

  /** Increments a decimal value (absent or not decimal counts as 0); returns the new value. */
  static final class Increment implements EntryProcessor<String, String, String>, Serializable {
    private static final long serialVersionUID = 1L;

    static String incremented(String value) {
      long n;
      try {
        n = value == null ? 0 : Long.parseLong(value);
      } catch (NumberFormatException e) {
        n = 0;
      }
      return Long.toString(n + 1);
    }

    @Override
    public String process(MutableEntry<String, String> entry, Object... arguments) {
      String next = incremented(entry.exists() ? entry.getValue() : null);
      entry.setValue(next);
      return next;
    }
  }
}

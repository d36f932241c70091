package dev.larder.jcache.spi;

import java.util.Objects;

/**
 * When a write or removal applies. "Present" means a live entry: one that exists and has not
 * expired at the operation's {@code now}; an expired entry counts as absent.
 *
 * <p>{@link Kind#IF_VERSION} compares the raw stored version, expired or not; version {@code 0}
 * means "no entry stored at all", which lets a compare-and-set loop create an entry.
 */
public record Condition(Kind kind, long version, Object value) {

  /** The kinds of condition a store must evaluate atomically with the write. */
  public enum Kind {
    ALWAYS,
    IF_ABSENT,
    IF_PRESENT,
    IF_VERSION,
    /** Present and its stored value equal to the given one in the store's representation. */
    IF_VALUE
  }

  private static final Condition ALWAYS = new Condition(Kind.ALWAYS, 0, null);
  private static final Condition ABSENT = new Condition(Kind.IF_ABSENT, 0, null);
  private static final Condition PRESENT = new Condition(Kind.IF_PRESENT, 0, null);

  public Condition {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.IF_VALUE) {
      Objects.requireNonNull(value, "value");
    }
  }

  public static Condition always() {
    return ALWAYS;
  }

  public static Condition ifAbsent() {
    return ABSENT;
  }

  public static Condition ifPresent() {
    return PRESENT;
  }

  public static Condition ifVersion(long version) {
    return new Condition(Kind.IF_VERSION, version, null);
  }

  public static Condition ifValue(Object storedValue) {
    return new Condition(Kind.IF_VALUE, 0, storedValue);
  }

  /**
   * Evaluates this condition against the raw stored entry; for stores that hold entries in the JVM
   * and can evaluate it inside their own atomic section. Values compare with {@code equals}, byte
   * arrays by content.
   */
  public boolean test(StoredEntry current, long now) {
    // ALWAYS does not look at the entry: an unconditional write need not load it (on several
    // cores, the entry another thread wrote last is a cache miss)
    return switch (kind) {
      case ALWAYS -> true;
      case IF_ABSENT -> !isLive(current, now);
      case IF_PRESENT -> isLive(current, now);
      case IF_VERSION -> current == null ? version == 0 : current.version() == version;
      case IF_VALUE -> isLive(current, now) && sameValue(current.value(), value);
    };
  }

  private static boolean isLive(StoredEntry current, long now) {
    return current != null && !current.isExpiredAt(now);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.equals(x, y);
    }
    return a.equals(b);
  }
}

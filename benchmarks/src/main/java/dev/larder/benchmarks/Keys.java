package dev.larder.benchmarks;

/** The String keys and small String values every benchmark uses, built once per JVM. */
public final class Keys {

  /** A value of 24 characters: a small value, as a session id or a short JSON field would be. */
  public static final String VALUE = "value-0123456789abcdefgh";

  private Keys() {}

  /** {@code count} keys {@code prefix0 .. prefix(count-1)}. */
  public static String[] of(String prefix, int count) {
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = prefix + i;
    }
    return keys;
  }

  /** {@code count} distinct values of the same length as {@link #VALUE}. */
  public static String[] values(int count) {
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      values[i] = String.format("value-%018d", i);
    }
    return values;
  }
}

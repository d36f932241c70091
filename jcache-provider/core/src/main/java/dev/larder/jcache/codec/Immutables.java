package dev.larder.jcache.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

/** Knows which values can be shared without copying: changing them is impossible. */
final class Immutables {

  private static final Set<Class<?>> TYPES =
      Set.of(
          String.class,
          Boolean.class,
          Byte.class,
          Short.class,
          Character.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigInteger.class,
          BigDecimal.class,
          UUID.class,
          Class.class);

  private Immutables() {}

  static boolean isImmutable(Object value) {
    Class<?> type = value.getClass();
    return TYPES.contains(type)
        || value instanceof Enum<?>
        // every public value type of java.time is immutable and final
        || "java.time".equals(type.getPackageName());
  }
}

package dev.larder.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The JSR-107 include/exclude rule, as the javadoc of {@code @CachePut} spells it out. */
class ExceptionFilterTest {

  @SafeVarargs
  private static Class<? extends Throwable>[] types(Class<? extends Throwable>... types) {
    return types;
  }

  private static final RuntimeException STATE = new IllegalStateException();
  private static final RuntimeException IO = new UncheckedIOException(new IOException());

  @Test
  void bothEmpty_answersTheDefault() {
    assertTrue(new ExceptionFilter(types(), types(), true).matches(STATE));
    assertFalse(new ExceptionFilter(types(), types(), false).matches(STATE));
  }

  @Test
  void includeOnly_admitsInstancesOfTheIncludedTypes() {
    ExceptionFilter filter = new ExceptionFilter(types(UncheckedIOException.class), types(), false);
    assertTrue(filter.matches(IO));
    assertFalse(filter.matches(STATE));
  }

  @Test
  void excludeOnly_admitsEverythingElse() {
    ExceptionFilter filter =
        new ExceptionFilter(types(), types(IllegalStateException.class), false);
    assertTrue(filter.matches(IO));
    assertFalse(filter.matches(STATE));
  }

  @Test
  void both_admitIncludedButNotExcluded() {
    ExceptionFilter filter =
        new ExceptionFilter(
            types(RuntimeException.class), types(IllegalStateException.class), false);
    assertTrue(filter.matches(IO));
    assertFalse(filter.matches(STATE));
    assertFalse(filter.matches(new Exception()));
  }
}

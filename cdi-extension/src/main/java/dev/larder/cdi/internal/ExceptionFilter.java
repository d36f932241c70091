package dev.larder.cdi.internal;

import java.util.List;

/**
 * The JSR-107 include/exclude rule for exceptions: with both lists empty the answer is {@code
 * whenBothEmpty} (true for caching exceptions of {@code @CacheResult}, false for the writes of
 * {@code @CachePut} and {@code @CacheRemove(All)}); with only an include list, an exception must be
 * an instance of one of them; with only an exclude list, of none of them; with both, of an included
 * and of no excluded class. Immutable.
 */
final class ExceptionFilter {

  private final List<Class<? extends Throwable>> include;
  private final List<Class<? extends Throwable>> exclude;
  private final boolean whenBothEmpty;

  ExceptionFilter(
      Class<? extends Throwable>[] include,
      Class<? extends Throwable>[] exclude,
      boolean whenBothEmpty) {
    this.include = List.of(include);
    this.exclude = List.of(exclude);
    this.whenBothEmpty = whenBothEmpty;
  }

  boolean isEmpty() {
    return include.isEmpty() && exclude.isEmpty();
  }

  boolean matches(Throwable failure) {
    if (isEmpty()) {
      return whenBothEmpty;
    }
    boolean included = include.isEmpty() || instanceOfAny(failure, include);
    return included && !instanceOfAny(failure, exclude);
  }

  private static boolean instanceOfAny(Throwable failure, List<Class<? extends Throwable>> types) {
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }
}

package dev.larder.jcache;

import dev.larder.jcache.spi.Write;
import java.util.Objects;

/**
 * What one compare-and-set attempt of a {@link KeyWrite} decided, from the entry it read: keep the
 * entry, store a write, or remove it, and the {@link Change} that is if the attempt commits.
 */
record Step(Action action, Write write, Change change) {

  /** The change an attempt makes to the entry it read. */
  enum Action {
    KEEP,
    PUT,
    REMOVE
  }

  static Step keep(Change change) {
    return new Step(Action.KEEP, null, change);
  }

  static Step put(Write write, Change change) {
    return new Step(Action.PUT, Objects.requireNonNull(write, "write"), change);
  }

  static Step remove(Change change) {
    return new Step(Action.REMOVE, null, change);
  }
}

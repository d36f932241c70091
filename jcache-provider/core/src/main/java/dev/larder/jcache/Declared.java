package dev.larder.jcache;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Write;

/**
 * A single-key write the store evaluates atomically in one call: a condition and a write (or, with
 * no write, a removal), and whether the store must report the entry it replaced.
 */
record Declared(Condition condition, Write write, boolean wantPrevious) {

  boolean isRemoval() {
    return write == null;
  }
}

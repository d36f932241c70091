package dev.larder.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A per-thread position in the key arrays: each thread walks the keys from its own random start, so
 * threads do not read the same key in lockstep and no shared counter is contended.
 */
@State(Scope.Thread)
public class Cursor {

  private int next;

  @Setup
  public void start() {
    next = ThreadLocalRandom.current().nextInt(1 << 20);
  }

  /** The next index below {@code size}, a power of two. */
  public int next(int size) {
    return next++ & (size - 1);
  }

  /** The next raw counter value, for choosing between operations in a mix. */
  public int tick() {
    return next++;
  }
}

package dev.larder.jcache;

import dev.larder.jcache.integration.CacheIntegration;
import dev.larder.jcache.spi.StoredEntry;

/**
 * One single-key operation of a cache, as data: what it asks of the store, what the writer hears
 * once it has committed, and how the bookkeeping counts it. A {@link WriteRunner} executes it.
 *
 * <p>An operation either {@linkplain #declare declares} one write the store evaluates atomically,
 * or {@linkplain #decide decides} from the entry it read, in a compare-and-set the runner may
 * repeat any number of times. Neither step calls a writer, counts a statistic or fires an event:
 * they only decide (an entry processor, which the spec lets re-run on the entry that won, is the
 * one piece of user code a decision runs). An instance serves one call on one thread; {@link
 * #decide} may keep what it saw in fields, since the last attempt is the one that committed.
 */
abstract class KeyWrite<K, V> {

  /** How the bookkeeping counts an operation (JSR-107 statistics rules, per method). */
  enum Kind {
    PUT,
    GET_AND_PUT,
    PUT_IF_ABSENT,
    REPLACE,
    GET_AND_REPLACE,
    REPLACE_IF_EQUALS,
    REMOVE,
    GET_AND_REMOVE,
    REMOVE_IF_EQUALS,
    /** A value a loader produced: stored and announced, never counted or written through. */
    LOAD,
    INVOKE
  }

  final Kind kind;
  final K key;
  final Object storedKey;

  KeyWrite(Kind kind, K key, Object storedKey) {
    this.kind = kind;
    this.key = key;
    this.storedKey = storedKey;
  }

  /** For messages: what the operation does, as in "failed to put if absent". */
  abstract String operation();

  /**
   * The one store call that does this operation, when every rule can be decided before it; null
   * when the operation must read the entry first ({@link #decide}).
   */
  Declared declare(long now) {
    return null;
  }

  /**
   * What to do given the raw stored entry (expired or not, null if none), read at {@code now}.
   * Called once per compare-and-set attempt.
   */
  abstract Step decide(StoredEntry current, long now);

  /**
   * Tells the writer of the committed change; called once, after the commit, in commit order per
   * key within this JVM. If it throws, the runner undoes the change (unless a later write replaced
   * it) and the exception reaches the caller.
   */
  void writeThrough(CacheIntegration<K, V> integration, Change change) {}

  /** The value listeners hear as the new one when the change carries none: the caller's. */
  V newValue() {
    return null;
  }
}

package dev.larder.jcache.codec;

/**
 * Turns a cache's keys or values into the stored form its backend holds, and back. Implementations
 * are thread-safe.
 *
 * @param <T> the user-facing type
 */
public interface Codec<T> {

  /** The form to store: a copy that later changes to {@code value} cannot reach. */
  Object encode(T value);

  /**
   * The form to look up or compare with: may be {@code value} itself when the store holds objects,
   * because a lookup never keeps it.
   */
  Object encodeForLookup(T value);

  /** The user-facing value of a stored form: a copy that the caller may change freely. */
  T decode(Object stored);
}

package dev.larder.jcache.ext;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What Larder knows about a live entry besides its value.
 *
 * @param key the entry's key
 * @param writtenAt when the entry was last written (by the clock of the JVM that wrote it)
 * @param writtenBy who wrote it, when the write said so ({@link WriteOptions#by} or {@link
 *     ExtendedCache#as}), else null
 * @param expiresAt when it expires, or null when it never does
 * @param indices the index names it was written with
 * @param <K> the key type
 */
public record EntryMetadata<K>(
    K key, Instant writtenAt, String writtenBy, Instant expiresAt, Set<String> indices) {

  public EntryMetadata {
    indices = Set.copyOf(indices);
  }

  /** {@link #writtenBy()}, when known. */
  public Optional<String> writer() {
    return Optional.ofNullable(writtenBy);
  }
}

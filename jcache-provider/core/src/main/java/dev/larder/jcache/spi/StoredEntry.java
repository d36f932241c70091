package dev.larder.jcache.spi;

import java.util.Objects;
import java.util.Set;

/**
 * An entry as a store holds it: the value in the store's representation, a version that changes
 * with every write (never reused for a key, never 0), the absolute expiry in epoch milliseconds,
 * and metadata about the last write.
 *
 * <p>Stores return entries whether or not they have expired; the core compares {@link #expiresAt()}
 * with its clock and decides.
 */
public record StoredEntry(
    Object value,
    long version,
    long expiresAt,
    long writtenAt,
    String writtenBy,
    Set<String> tags) {

  /** An expiry that never comes. */
  public static final long ETERNAL = Long.MAX_VALUE;

  public StoredEntry {
    Objects.requireNonNull(value, "value");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    if (version == 0) {
      throw new IllegalArgumentException(
          "version 0 means absent and is never assigned to an entry");
    }
  }

  /** Whether the entry has expired at {@code now} (epoch ms). */
  public boolean isExpiredAt(long now) {
    return expiresAt <= now;
  }

  /** The same entry with another expiry. */
  public StoredEntry withExpiresAt(long newExpiresAt) {
    return new StoredEntry(value, version, newExpiresAt, writtenAt, writtenBy, tags);
  }
}

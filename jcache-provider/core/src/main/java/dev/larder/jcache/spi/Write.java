package dev.larder.jcache.spi;

import java.util.Objects;
import java.util.Set;

/**
 * What to store under a key: the value in the store's representation, its absolute expiry (epoch
 * ms, {@link StoredEntry#ETERNAL} for none), and the metadata of this write. The store assigns the
 * version.
 */
public record Write(
    Object value, long expiresAt, long writtenAt, String writtenBy, Set<String> tags) {

  public Write {
    Objects.requireNonNull(value, "value");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public static Write of(Object value, long expiresAt, long writtenAt) {
    return new Write(value, expiresAt, writtenAt, null, Set.of());
  }

  /** The entry this write produces once the store gives it a version. */
  public StoredEntry toEntry(long version) {
    return new StoredEntry(value, version, expiresAt, writtenAt, writtenBy, tags);
  }
}

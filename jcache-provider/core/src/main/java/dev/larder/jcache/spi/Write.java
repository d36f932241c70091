package dev.larder.jcache.spi;

import java.util.Objects;
import java.util.Set;

/**
 * What to store under a key: the value in the store's representation, its absolute expiry (epoch
 * ms, {@link StoredEntry#ETERNAL} for none), the metadata of this write, and the version the entry
 * gets: chosen by the core (a random 64-bit number, never 0) before the write is sent, so that a
 * write retried after its reply was lost can recognize itself (see {@link Store#put}).
 *
 * <p>A write may carry a different expiry for the case where it replaces a live entry ({@link
 * #expiresAtIfPresent()}, or {@link #KEEP} to keep that entry's expiry), so a store can apply the
 * JCache creation-versus-update expiry rule in the same atomic step as the write.
 *
 * @param expiresAt the expiry when no live entry is replaced
 * @param expiresAtIfPresent the expiry when a live entry is replaced, or {@link #KEEP}
 */
public record Write(
    Object value,
    long expiresAt,
    long writtenAt,
    String writtenBy,
    Set<String> tags,
    long expiresAtIfPresent,
    long version) {

  /** For {@link #expiresAtIfPresent()}: keep the expiry of the entry being replaced. */
  public static final long KEEP = Long.MIN_VALUE;

  public Write {
    Objects.requireNonNull(value, "value");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    if (version == 0) {
      throw new IllegalArgumentException(
          "version 0 means absent and is never assigned to an entry");
    }
  }

  /** A write with a new version of its own. */
  public Write(
      Object value,
      long expiresAt,
      long writtenAt,
      String writtenBy,
      Set<String> tags,
      long expiresAtIfPresent) {
    this(value, expiresAt, writtenAt, writtenBy, tags, expiresAtIfPresent, newVersion());
  }

  /** A write with one expiry, whatever it replaces, and a new version of its own. */
  public Write(Object value, long expiresAt, long writtenAt, String writtenBy, Set<String> tags) {
    this(value, expiresAt, writtenAt, writtenBy, tags, expiresAt);
  }

  /**
   * A new version: a random 64-bit number, never 0. Versions only need to differ from the ones a
   * key had before (two meet with a chance of 2^-64 per pair), across every JVM that shares a
   * store, which a random number does without coordination.
   */
  public static long newVersion() {
    long version;
    do {
      version = java.util.concurrent.ThreadLocalRandom.current().nextLong();
    } while (version == 0);
    return version;
  }

  /** The same write with another version (a new attempt of it). */
  public Write withVersion(long newVersion) {
    return new Write(value, expiresAt, writtenAt, writtenBy, tags, expiresAtIfPresent, newVersion);
  }

  public static Write of(Object value, long expiresAt, long writtenAt) {
    return new Write(value, expiresAt, writtenAt, null, Set.of());
  }

  /** Whether the expiry depends on what the write replaces. */
  public boolean dependsOnCurrent() {
    return expiresAtIfPresent != expiresAt;
  }

  /** The expiry this write gets given the live entry it replaces (null if none). */
  public long expiryReplacing(StoredEntry liveCurrent) {
    if (liveCurrent == null) {
      return expiresAt;
    }
    return expiresAtIfPresent == KEEP ? liveCurrent.expiresAt() : expiresAtIfPresent;
  }

  /** The entry this write produces, ignoring what it replaces. */
  public StoredEntry toEntry() {
    return new StoredEntry(value, version, expiresAt, writtenAt, writtenBy, tags);
  }

  /**
   * The entry this write produces over the raw stored entry {@code current}: the expiry follows
   * {@link #expiryReplacing} when {@code current} is live at the time of this write ({@link
   * #writtenAt()}).
   */
  public StoredEntry toEntry(StoredEntry current) {
    if (!dependsOnCurrent()) {
      return toEntry(); // the same expiry either way: no need to load the current entry
    }
    StoredEntry live = current == null || current.isExpiredAt(writtenAt) ? null : current;
    return new StoredEntry(value, version, expiryReplacing(live), writtenAt, writtenBy, tags);
  }
}

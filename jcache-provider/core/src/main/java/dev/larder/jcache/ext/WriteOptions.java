package dev.larder.jcache.ext;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How one write differs from a plain JCache {@code put}: its own time to live (instead of the
 * cache's expiry policy), the index names to file the entry under, and who wrote it. Immutable;
 * start from {@link #none()}, {@link #ttl(Duration)}, {@link #indices(String...)} or {@link
 * #by(String)} and chain.
 *
 * @param timeToLive the entry's TTL, or null to follow the expiry policy
 * @param indexNames the index names (never empty strings)
 * @param writer who writes, or null
 */
public record WriteOptions(Duration timeToLive, Set<String> indexNames, String writer) {

  private static final WriteOptions NONE = new WriteOptions(null, Set.of(), null);

  public WriteOptions {
    if (timeToLive != null) {
      requirePositive(timeToLive, "timeToLive");
    }
    indexNames = Set.copyOf(indexNames);
    indexNames.forEach(WriteOptions::requireIndexName);
  }

  /** A plain write. */
  public static WriteOptions none() {
    return NONE;
  }

  /** A write that lives {@code timeToLive}, whatever the expiry policy says. */
  public static WriteOptions ttl(Duration timeToLive) {
    return NONE.withTtl(timeToLive);
  }

  /** A write filed under these index names. */
  public static WriteOptions indices(String... names) {
    return NONE.withIndices(names);
  }

  /** A write that records {@code writer} as who wrote it. */
  public static WriteOptions by(String writer) {
    return NONE.withWriter(writer);
  }

  public WriteOptions withTtl(Duration newTimeToLive) {
    requirePositive(newTimeToLive, "timeToLive");
    return new WriteOptions(newTimeToLive, indexNames, writer);
  }

  /** These options plus more index names. */
  public WriteOptions withIndices(String... names) {
    Set<String> all = new LinkedHashSet<>(indexNames);
    for (String name : names) {
      all.add(requireIndexName(name));
    }
    return new WriteOptions(timeToLive, all, writer);
  }

  public WriteOptions withWriter(String newWriter) {
    return new WriteOptions(timeToLive, indexNames, requireWriter(newWriter));
  }

  /**
   * Checks a time to live.
   *
   * @throws IllegalArgumentException when null, zero or negative
   */
  public static Duration requirePositive(Duration ttl, String what) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException(
          "LARDER-063: "
              + what
              + " must be positive, was "
              + ttl
              + "; to drop an entry use remove(key), to keep one forever write it without a TTL");
    }
    return ttl;
  }

  /**
   * Checks an index name.
   *
   * @throws IllegalArgumentException when null or empty
   */
  public static String requireIndexName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "LARDER-064: an index name must be a non-empty string, was "
              + (name == null ? "null" : "\"\"")
              + "; name the index, for example \"customer:42\"");
    }
    return name;
  }

  private static String requireWriter(String writer) {
    if (writer == null || writer.isEmpty()) {
      throw new IllegalArgumentException(
          "LARDER-065: a writer must be a non-empty string, was "
              + (writer == null ? "null" : "\"\"")
              + "; name the service or user that writes");
    }
    return writer;
  }
}

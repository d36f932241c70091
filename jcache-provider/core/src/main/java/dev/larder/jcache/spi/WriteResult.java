package dev.larder.jcache.spi;

/**
 * The outcome of a conditional write or removal.
 *
 * @param applied whether the condition held and the change was made
 * @param previous the live entry before the operation (null if there was none, or if the caller did
 *     not ask for it); read atomically with the write
 * @param expiredPrevious an entry that was stored but had expired before the operation, when the
 *     caller asked for previous entries; lets the core report its expiry
 * @param replayed whether the write found itself already stored: a retry, by a client library, of a
 *     write whose first reply was lost. It applied (once); what it replaced is no longer known.
 */
public record WriteResult(
    boolean applied, StoredEntry previous, StoredEntry expiredPrevious, boolean replayed) {

  private static final WriteResult APPLIED = new WriteResult(true, null, null);
  private static final WriteResult NOT_APPLIED = new WriteResult(false, null, null);
  private static final WriteResult REPLAYED = new WriteResult(true, null, null, true);

  public WriteResult {
    if (replayed && (!applied || previous != null || expiredPrevious != null)) {
      throw new IllegalArgumentException("a replayed write applied and knows no previous entry");
    }
  }

  public WriteResult(boolean applied, StoredEntry previous, StoredEntry expiredPrevious) {
    this(applied, previous, expiredPrevious, false);
  }

  /** The outcome of a write that found its own version stored (see {@link #replayed()}). */
  public static WriteResult replayedWrite() {
    return REPLAYED;
  }

  /** The outcome with no previous entry to report: a shared instance. */
  public static WriteResult of(boolean applied) {
    return applied ? APPLIED : NOT_APPLIED;
  }

  public static WriteResult of(boolean applied, StoredEntry raw, long now, boolean returnPrevious) {
    if (!returnPrevious || raw == null) {
      return of(applied);
    }
    return raw.isExpiredAt(now)
        ? new WriteResult(applied, null, raw)
        : new WriteResult(applied, raw, null);
  }
}

package dev.larder.jcache.spi;

/**
 * The outcome of a conditional write or removal.
 *
 * @param applied whether the condition held and the change was made
 * @param previous the live entry before the operation (null if there was none, or if the caller did
 *     not ask for it); read atomically with the write
 * @param expiredPrevious an entry that was stored but had expired before the operation, when the
 *     caller asked for previous entries; lets the core report its expiry
 */
public record WriteResult(boolean applied, StoredEntry previous, StoredEntry expiredPrevious) {

  public static WriteResult of(boolean applied, StoredEntry raw, long now, boolean returnPrevious) {
    if (!returnPrevious || raw == null) {
      return new WriteResult(applied, null, null);
    }
    return raw.isExpiredAt(now)
        ? new WriteResult(applied, null, raw)
        : new WriteResult(applied, raw, null);
  }
}

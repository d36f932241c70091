package dev.larder.jcache;

import dev.larder.jcache.spi.StoredEntry;
import javax.cache.event.EventType;

/**
 * What a single-key mutation did, decided inside the store's atomic section and published after it:
 * the event type (null when nothing changed), the live entry that was there before, an entry that
 * had expired and was replaced or dropped, and the new stored value.
 */
record Change(EventType type, StoredEntry previous, StoredEntry expired, Object newValue) {

  static final Change NONE = new Change(null, null, null, null);

  static Change none(StoredEntry previous, StoredEntry expired) {
    return previous == null && expired == null ? NONE : new Change(null, previous, expired, null);
  }

  /** This change without its expired entry (whose expiry is reported elsewhere, or not at all). */
  Change withoutExpired() {
    return expired == null ? this : new Change(type, previous, null, newValue);
  }

  boolean changed() {
    return type != null;
  }

  boolean hadLiveEntry() {
    return previous != null;
  }
}

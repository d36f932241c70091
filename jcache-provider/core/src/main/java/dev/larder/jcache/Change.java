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

  /**
   * A value was stored where nobody asked what was there before (no listener, no previous value
   * wanted): counts as a put, publishes nothing.
   */
  static final Change STORED = new Change(EventType.CREATED, null, null, null);

  static Change none(StoredEntry previous, StoredEntry expired) {
    return previous == null && expired == null ? NONE : new Change(null, previous, expired, null);
  }

  boolean changed() {
    return type != null;
  }

  boolean hadLiveEntry() {
    return previous != null;
  }
}

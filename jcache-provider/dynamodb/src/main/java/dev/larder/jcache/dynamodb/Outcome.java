package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoredEntry;

/**
 * What one conditional request did, with the raw item that was there before (when it was asked for:
 * on success through {@code ReturnValues=ALL_OLD}, on a failed check through {@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD}).
 *
 * @param replayed the write found its own version stored: the SDK retried it after a lost reply and
 *     the first attempt had applied; what it replaced is unknown
 */
record Outcome(boolean applied, StoredEntry previous, boolean replayed) {

  static final Outcome DONE = new Outcome(true, null);
  static final Outcome REPLAYED = new Outcome(true, null, true);

  Outcome(boolean applied, StoredEntry previous) {
    this(applied, previous, false);
  }
}

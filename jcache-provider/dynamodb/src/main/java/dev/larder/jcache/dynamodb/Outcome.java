package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoredEntry;

/**
 * What one conditional request did, with the raw item that was there before (when it was asked for:
 * on success through {@code ReturnValues=ALL_OLD}, on a failed check through {@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD}).
 */
record Outcome(boolean applied, StoredEntry previous) {

  static final Outcome DONE = new Outcome(true, null);
}

package dev.larder.jcache;

import dev.larder.jcache.management.CacheStatistics;

/**
 * What a committed single-key write tells the rest of the cache, in one place: statistics (the
 * JSR-107 rules per method), access expiry for a live entry an operation looked at but did not
 * change, dropping an expired entry a removal found, and listener events. Runs once per operation,
 * after its commit and its writer, never inside anything retried. Thread-safe.
 */
final class Bookkeeping<K, V> {

  private final CacheRuntime<K, V> runtime;

  Bookkeeping(CacheRuntime<K, V> runtime) {
    this.runtime = runtime;
  }

  void after(KeyWrite<K, V> op, Change change, long start) {
    CacheStatistics statistics = runtime.statistics;
    switch (op.kind) {
      case PUT, GET_AND_PUT -> {
        if (change.changed()) {
          statistics.recordPuts(1);
        }
        if (op.kind == KeyWrite.Kind.GET_AND_PUT) {
          runtime.recordHitOrMiss(change.hadLiveEntry());
          statistics.recordGetTime(start);
        }
        statistics.recordPutTime(start);
      }
      case PUT_IF_ABSENT -> {
        runtime.recordHitOrMiss(change.hadLiveEntry());
        countPut(change, start);
      }
      case REPLACE, GET_AND_REPLACE, REPLACE_IF_EQUALS -> {
        runtime.recordHitOrMiss(change.hadLiveEntry());
        countPut(change, start);
        touchIfUnchanged(op, change);
        if (op.kind == KeyWrite.Kind.GET_AND_REPLACE) {
          statistics.recordGetTime(start);
        }
      }
      case REMOVE, GET_AND_REMOVE -> {
        countRemoval(change, start);
        if (change.expired() != null) {
          // found expired, not removed by the condition: drop it and tell EXPIRED listeners
          runtime.expire(op.key, op.storedKey, change.expired());
          change = change.withoutExpired();
        }
        if (op.kind == KeyWrite.Kind.GET_AND_REMOVE) {
          runtime.recordHitOrMiss(change.changed());
          statistics.recordGetTime(start);
        }
      }
      case REMOVE_IF_EQUALS -> {
        // an expired entry it found stays for the next read to drop (it compared no value)
        change = change.withoutExpired();
        runtime.recordHitOrMiss(change.hadLiveEntry());
        countRemoval(change, start);
        touchIfUnchanged(op, change);
      }
      case LOAD -> {}
      case INVOKE -> invoked((KeyWrites<K, V>.Invoke<?>) op, change, start);
    }
    runtime.publish(op.key, op.newValue(), change);
  }

  private void invoked(KeyWrites<K, V>.Invoke<?> op, Change change, long start) {
    runtime.recordHitOrMiss(op.hit);
    runtime.statistics.recordGetTime(start);
    switch (op.operation) {
      case CREATE, UPDATE -> countPut(change, start);
      case REMOVE -> countRemoval(change, start);
      case ACCESS -> runtime.touchOnAccess(op.storedKey, change.previous(), runtime.now());
      default -> {}
    }
  }

  private void countPut(Change change, long start) {
    if (change.changed()) {
      runtime.statistics.recordPuts(1);
      runtime.statistics.recordPutTime(start);
    }
  }

  private void countRemoval(Change change, long start) {
    if (change.changed()) {
      runtime.statistics.recordRemovals(1);
      runtime.statistics.recordRemoveTime(start);
    }
  }

  /** A live entry the operation compared but did not change counts as accessed (JSR-107). */
  private void touchIfUnchanged(KeyWrite<K, V> op, Change change) {
    if (!change.changed() && change.hadLiveEntry() && change.previous() != WriteRunner.PRESENT) {
      runtime.touchOnAccess(op.storedKey, change.previous(), runtime.now());
    }
  }
}

package dev.larder.jcache;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import javax.cache.event.EventType;

/**
 * Runs every single-key write of a cache, the one write path: the operation's store call (one
 * declared write, or a compare-and-set loop with backoff and jitter), then, once, after the winning
 * commit, the writer, then the {@link Bookkeeping} (statistics, events, access touches) from what
 * the commit reported.
 *
 * <p>The writer hears exactly the writes that applied, once each, with the value stored. With
 * write-through, commit and writer run under a per-key lock of this JVM, so the writer hears one
 * key's writes in commit order. A writer that throws leaves the cache as it was: the runner puts
 * back what the write replaced, on condition that the write is still the one stored, so no later
 * write by anyone is undone.
 *
 * <p>Lost replies: every write carries a version of its own, and a store reports as applied a write
 * that finds its own version stored (a retry, by the SDK or Jedis, of a write whose first reply was
 * lost). Thread-safe.
 */
final class WriteRunner<K, V> {

  /**
   * How long a compare-and-set keeps trying while other writers keep winning. Every lost attempt
   * means another write committed (progress), so the bound is in time, not attempts; with backoff,
   * 16 writers on one remote key settle in well under a second.
   */
  static final long CAS_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** The first backoff after a lost attempt, and the most any one backoff waits. */
  private static final long BACKOFF_BASE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

  private static final long BACKOFF_CAP_NANOS = TimeUnit.MILLISECONDS.toNanos(8);

  /**
   * Stands for "a live entry was there" where the store was not asked for it. Its value is never
   * decoded: only events decode previous entries, and they always ask for them.
   */
  static final StoredEntry PRESENT =
      new StoredEntry(new byte[0], 1, StoredEntry.ETERNAL, 0, null, null);

  private final CacheRuntime<K, V> runtime;
  private final Bookkeeping<K, V> bookkeeping;

  WriteRunner(CacheRuntime<K, V> runtime) {
    this.runtime = runtime;
    this.bookkeeping = new Bookkeeping<>(runtime);
  }

  /** What a commit did, and the write it stored (null if it stored none). */
  record Commit(Change change, Write written) {}

  /** Runs an operation: commit, then the writer, then the bookkeeping. */
  Change run(KeyWrite<K, V> op) {
    long start = runtime.statistics.start();
    Change change;
    if (runtime.integration.writeThrough()) {
      Lock order = runtime.integration.orderOf(op.storedKey);
      order.lock();
      try {
        Commit commit = commit(op);
        writeThrough(op, commit);
        change = commit.change();
      } finally {
        order.unlock();
      }
    } else {
      change = commit(op).change();
    }
    bookkeeping.after(op, change, start);
    return change;
  }

  /**
   * The store side of an operation alone: no writer, no bookkeeping (bulk operations do theirs).
   */
  Commit commit(KeyWrite<K, V> op) {
    try {
      long now = runtime.now();
      Declared declared = op.declare(now);
      return declared != null ? declared(op, declared, now) : compareAndSet(op);
    } catch (StoreException e) {
      throw runtime.failure(op.operation(), e);
    }
  }

  private Commit declared(KeyWrite<K, V> op, Declared declared, long now) {
    Store store = runtime.store;
    if (declared.isRemoval()) {
      WriteResult result =
          store.remove(op.storedKey, declared.condition(), now, declared.wantPrevious());
      if (result.applied() && result.previous() != null) {
        return new Commit(new Change(EventType.REMOVED, result.previous(), null, null), null);
      }
      return new Commit(
          Change.none(result.applied() ? null : result.previous(), result.expiredPrevious()), null);
    }
    Write write = declared.write();
    WriteResult result =
        store.put(op.storedKey, write, declared.condition(), now, declared.wantPrevious());
    Condition.Kind kind = declared.condition().kind();
    if (result.replayed()
        && (op.kind == KeyWrite.Kind.GET_AND_PUT || op.kind == KeyWrite.Kind.GET_AND_REPLACE)) {
      throw new StoreException(
          "LARDER-022: the write applied, but its first reply was lost and the client library's"
              + " retry found the write itself stored, so the value it replaced is unknown; read"
              + " the key to see the value now stored");
    }
    if (!result.applied()) {
      StoredEntry live =
          result.previous() != null
              ? result.previous()
              : kind == Condition.Kind.IF_ABSENT ? PRESENT : null;
      return new Commit(Change.none(live, null), null);
    }
    Change change;
    if (result.previous() != null) {
      change = new Change(EventType.UPDATED, result.previous(), null, write.value());
    } else if (kind == Condition.Kind.IF_PRESENT || kind == Condition.Kind.IF_VALUE) {
      change = new Change(EventType.UPDATED, PRESENT, null, write.value());
    } else {
      change = new Change(EventType.CREATED, null, result.expiredPrevious(), write.value());
    }
    return new Commit(change, write);
  }

  /**
   * Reads, decides, and writes on condition that the entry is still the one read; on a lost race
   * backs off (exponentially, with full jitter) and decides again on the entry that won.
   */
  private Commit compareAndSet(KeyWrite<K, V> op) {
    Store store = runtime.store;
    StoredEntry current = store.get(op.storedKey);
    long began = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      Step step = op.decide(current, runtime.now());
      Condition same = Condition.ifVersion(current == null ? 0 : current.version());
      boolean applied =
          switch (step.action()) {
            case KEEP -> true;
            case PUT ->
                store.put(op.storedKey, step.write(), same, Long.MIN_VALUE, false).applied();
            case REMOVE ->
                current == null
                    || store.remove(op.storedKey, same, Long.MIN_VALUE, false).applied();
          };
      if (applied) {
        return new Commit(step.change(), step.action() == Step.Action.PUT ? step.write() : null);
      }
      if (System.nanoTime() - began > CAS_PATIENCE_NANOS) {
        throw new StoreException(
            "LARDER-508: gave up after "
                + (attempt + 1)
                + " compare-and-set attempts in "
                + TimeUnit.NANOSECONDS.toSeconds(CAS_PATIENCE_NANOS)
                + " s, each lost to another writer of the same "
                + op.key.getClass().getName()
                + " key; spread the writes over more keys");
      }
      backOff(attempt);
      current = store.get(op.storedKey);
    }
  }

  /** After the first lost attempt, waits a random time up to an exponentially growing bound. */
  private static void backOff(int attempt) {
    if (attempt == 0) {
      return; // the re-read is already a round trip: most races end there
    }
    long bound = Math.min(BACKOFF_CAP_NANOS, BACKOFF_BASE_NANOS << Math.min(attempt, 20));
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound) + 1);
  }

  /**
   * Tells the writer of the commit; if it throws, undoes the commit where no later write replaced
   * it, then rethrows.
   */
  private void writeThrough(KeyWrite<K, V> op, Commit commit) {
    try {
      op.writeThrough(runtime.integration, commit.change());
    } catch (RuntimeException e) {
      try {
        undo(op, commit);
      } catch (StoreException undoFailed) {
        e.addSuppressed(runtime.failure("undo a write its writer refused", undoFailed));
      }
      throw e;
    }
  }

  /** Puts back what a commit replaced, on condition that the commit is still what is stored. */
  private void undo(KeyWrite<K, V> op, Commit commit) {
    Store store = runtime.store;
    Change change = commit.change();
    StoredEntry before = change.previous() == PRESENT ? null : change.previous();
    if (commit.written() != null) {
      Condition stillOurs = Condition.ifVersion(commit.written().version());
      if (before != null) {
        store.put(op.storedKey, restore(before), stillOurs, Long.MIN_VALUE, false);
      } else {
        store.remove(op.storedKey, stillOurs, Long.MIN_VALUE, false);
      }
    } else if (change.type() == EventType.REMOVED && before != null) {
      // back only where nothing was stored since (version 0: no entry at all)
      store.put(op.storedKey, restore(before), Condition.ifVersion(0), Long.MIN_VALUE, false);
    }
  }

  /** A write that puts an entry back as it was, under a new version. */
  private static Write restore(StoredEntry entry) {
    return new Write(
        entry.value(), entry.expiresAt(), entry.writtenAt(), entry.writtenBy(), entry.tags());
  }
}

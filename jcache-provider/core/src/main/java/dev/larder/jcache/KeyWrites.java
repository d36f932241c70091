package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.expiry.ExpiryCalculator;
import dev.larder.jcache.integration.CacheIntegration;
import dev.larder.jcache.processor.ProcessorEntry;
import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import javax.cache.event.EventType;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;

/**
 * The single-key operations of one cache (one partition, one writer name), each a {@link KeyWrite}:
 * put, put-if-absent, the replaces, the removes, storing a loaded value and entry processors, and
 * the extension writes with a TTL, index names or a writer of their own.
 *
 * <p>An operation declares one store-evaluated write when every JCache rule can be decided before
 * it: the expiry policy is one of the standard fixed-duration ones (so both the creation and the
 * update expiry are known up front and the store picks one atomically) and a creation would not be
 * {@code ZERO} ("not added", which only a read can tell apart from an update). Otherwise it decides
 * from the entry it read, in the runner's compare-and-set. Thread-safe; the operations it makes are
 * not.
 */
final class KeyWrites<K, V> {

  /**
   * What a write stores besides its value: who wrote it, its index names, and a TTL of its own
   * (null: the cache's expiry policy decides).
   */
  record Shape(String writer, Set<String> tags, Duration ttl) {}

  private final CacheRuntime<K, V> runtime;
  private final Shape plain;

  KeyWrites(CacheRuntime<K, V> runtime) {
    this.runtime = runtime;
    this.plain = new Shape(runtime.writer, Set.of(), null);
  }

  KeyWrite<K, V> put(K key, V value, boolean getAndPut) {
    return put(key, value, getAndPut ? KeyWrite.Kind.GET_AND_PUT : KeyWrite.Kind.PUT, plain);
  }

  KeyWrite<K, V> put(K key, V value, KeyWrite.Kind kind, Shape shape) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    return new Put(kind, key, value, shape);
  }

  KeyWrite<K, V> putIfAbsent(K key, V value) {
    return put(key, value, KeyWrite.Kind.PUT_IF_ABSENT, plain);
  }

  /** A replace of a live entry; with {@code oldValue}, only if the live value equals it. */
  KeyWrite<K, V> replace(K key, V oldValue, V value, KeyWrite.Kind kind) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    Object expected = oldValue == null ? null : runtime.values.encodeForLookup(oldValue);
    return new Replace(kind, key, expected, value);
  }

  /** A removal of the live entry; with {@code oldValue}, only if the live value equals it. */
  KeyWrite<K, V> remove(K key, V oldValue, KeyWrite.Kind kind) {
    requireNonNull(key, "key");
    Object expected = oldValue == null ? null : runtime.values.encodeForLookup(oldValue);
    return new Remove(kind, key, expected);
  }

  /** Stores a loaded value: where none is live, or over any with {@code replaceExisting}. */
  KeyWrite<K, V> load(K key, V value, boolean replaceExisting) {
    return new Load(key, value, replaceExisting);
  }

  <T> Invoke<T> invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireNonNull(key, "key");
    requireNonNull(processor, "processor");
    return new Invoke<>(key, processor, arguments);
  }

  // ---- the shared decisions ----

  /** A new write of this shape. */
  private Write write(Object storedValue, long expiresAt, long now, Shape shape) {
    return new Write(storedValue, expiresAt, now, shape.writer(), shape.tags());
  }

  /** The write of a one-call plain put, or null when the put must read first. */
  Write declaredWrite(Object storedValue, long now) {
    return declaredWrite(storedValue, now, plain);
  }

  /**
   * The write of a one-call operation, its expiry chosen by the store (creation or update), or null
   * when the operation must read first.
   */
  private Write declaredWrite(Object storedValue, long now, Shape shape) {
    if (shape.ttl() != null) {
      return write(storedValue, CacheExtensions.expiresAt(now, shape.ttl()), now, shape);
    }
    ExpiryCalculator expiry = runtime.expiry;
    if (!expiry.isConstant()) {
      return null;
    }
    long createdAt = expiry.onCreate(now);
    if (createdAt <= now) {
      return null;
    }
    long updated = expiry.onUpdate(now);
    if (updated == ExpiryCalculator.UNCHANGED
        && createdAt == StoredEntry.ETERNAL
        && !expiry.touchesOnAccess()) {
      // nothing ever gives this cache's entries an expiry (the eternal policy), so keeping a live
      // entry's expiry is writing ETERNAL: one expiry lets a store write without reading first
      // (DynamoDB's BatchWriteItem cannot keep an attribute of the item it replaces)
      updated = StoredEntry.ETERNAL;
    }
    return new Write(
        storedValue,
        createdAt,
        now,
        shape.writer(),
        shape.tags(),
        updated == ExpiryCalculator.UNCHANGED ? Write.KEEP : updated);
  }

  /** Stores a value: updates a live entry, else creates one. */
  private Step upsert(
      StoredEntry current, Object storedValue, long now, Shape shape, ExpiryCalculator.Answers a) {
    if (!CacheRuntime.isLive(current, now)) {
      return create(current, storedValue, now, shape, a);
    }
    long expiresAt =
        shape.ttl() != null
            ? CacheExtensions.expiresAt(now, shape.ttl())
            : ExpiryCalculator.orCurrent(a.onUpdate(now), current.expiresAt());
    return Step.put(
        write(storedValue, expiresAt, now, shape),
        new Change(EventType.UPDATED, current, null, storedValue));
  }

  /** Creates an entry where none is live; a {@code ZERO} creation expiry adds nothing. */
  private Step create(
      StoredEntry current, Object storedValue, long now, Shape shape, ExpiryCalculator.Answers a) {
    long expiresAt =
        shape.ttl() != null ? CacheExtensions.expiresAt(now, shape.ttl()) : a.onCreate(now);
    if (expiresAt <= now) {
      return current == null ? Step.keep(Change.NONE) : Step.remove(Change.none(null, current));
    }
    return Step.put(
        write(storedValue, expiresAt, now, shape),
        new Change(EventType.CREATED, null, current, storedValue));
  }

  // ---- the operations ----

  /** An operation that stores a value of the caller's: listeners hear it as the new value. */
  private abstract class ValueWrite extends KeyWrite<K, V> {
    final V value;
    final Object storedValue;
    final ExpiryCalculator.Answers answers = runtime.expiry.answers();

    ValueWrite(Kind kind, K key, V value) {
      super(kind, key, runtime.keys.encode(key));
      this.value = value;
      this.storedValue = runtime.values.encode(value);
    }

    @Override
    final V newValue() {
      return value;
    }
  }

  /** {@code put}, {@code getAndPut}, {@code putIfAbsent} and their extension forms. */
  private final class Put extends ValueWrite {
    private final Shape shape;

    Put(Kind kind, K key, V value, Shape shape) {
      super(kind, key, value);
      this.shape = shape;
    }

    private boolean ifAbsent() {
      return kind == Kind.PUT_IF_ABSENT;
    }

    @Override
    String operation() {
      return ifAbsent() ? "put if absent" : kind == Kind.GET_AND_PUT ? "get and put" : "put";
    }

    @Override
    Declared declare(long now) {
      Write write = declaredWrite(storedValue, now, shape);
      if (write == null) {
        return null;
      }
      if (ifAbsent()) {
        // what it replaces can only be an expired entry: wanted for its EXPIRED event alone
        return new Declared(Condition.ifAbsent(), write, runtime.events.wants(EventType.EXPIRED));
      }
      boolean wantPrevious =
          kind == Kind.GET_AND_PUT
              || !runtime.events.isEmpty()
              || runtime.integration.writeThrough(); // to restore it if the writer fails
      return new Declared(Condition.always(), write, wantPrevious);
    }

    @Override
    Step decide(StoredEntry current, long now) {
      if (ifAbsent() && CacheRuntime.isLive(current, now)) {
        return Step.keep(Change.none(current, null));
      }
      return upsert(current, storedValue, now, shape, answers);
    }

    @Override
    void writeThrough(CacheIntegration<K, V> integration, Change change) {
      // a put writes through even when a ZERO creation expiry added nothing; putIfAbsent only
      // when it stored
      if (!ifAbsent() || change.changed()) {
        integration.write(key, value);
      }
    }
  }

  /** The three {@code replace}s: of a live entry, of a live entry with an expected value. */
  private final class Replace extends ValueWrite {
    private final Object expected;

    Replace(Kind kind, K key, Object expected, V value) {
      super(kind, key, value);
      this.expected = expected;
    }

    @Override
    String operation() {
      return "replace";
    }

    @Override
    Declared declare(long now) {
      Write write = declaredWrite(storedValue, now, plain);
      if (write == null) {
        return null;
      }
      boolean wantPrevious =
          kind == Kind.GET_AND_REPLACE
              || expected != null
              || runtime.events.wants(EventType.UPDATED)
              || runtime.integration.writeThrough();
      Condition condition = expected == null ? Condition.ifPresent() : Condition.ifValue(expected);
      return new Declared(condition, write, wantPrevious);
    }

    @Override
    Step decide(StoredEntry current, long now) {
      if (!CacheRuntime.isLive(current, now)) {
        return Step.keep(Change.NONE);
      }
      if (expected != null && !Condition.ifValue(expected).test(current, now)) {
        return Step.keep(Change.none(current, null));
      }
      return upsert(current, storedValue, now, plain, answers);
    }

    @Override
    void writeThrough(CacheIntegration<K, V> integration, Change change) {
      if (change.changed()) {
        integration.write(key, value);
      }
    }
  }

  /** {@code remove(k)}, {@code getAndRemove} and {@code remove(k, v)}: always one store call. */
  private final class Remove extends KeyWrite<K, V> {
    private final Object expected;

    Remove(Kind kind, K key, Object expected) {
      super(kind, key, runtime.keys.encodeForLookup(key));
      this.expected = expected;
    }

    @Override
    String operation() {
      return expected == null ? "remove" : "remove a value";
    }

    @Override
    Declared declare(long now) {
      Condition condition = expected == null ? Condition.ifPresent() : Condition.ifValue(expected);
      return new Declared(condition, null, true);
    }

    @Override
    Step decide(StoredEntry current, long now) {
      if (!CacheRuntime.isLive(current, now)) {
        return Step.keep(Change.NONE);
      }
      if (expected != null && !Condition.ifValue(expected).test(current, now)) {
        return Step.keep(Change.none(current, null));
      }
      return Step.remove(new Change(EventType.REMOVED, current, null, null));
    }

    @Override
    void writeThrough(CacheIntegration<K, V> integration, Change change) {
      // remove(k) deletes through whether or not an entry was there (JSR-107 remove(K));
      // remove(k, v) only when it removed
      if (expected == null || change.changed()) {
        integration.delete(key);
      }
    }
  }

  /** A value a loader produced (read-through, {@code loadAll}): never written through. */
  private final class Load extends ValueWrite {
    private final boolean replaceExisting;

    Load(K key, V value, boolean replaceExisting) {
      super(Kind.LOAD, key, value);
      this.replaceExisting = replaceExisting;
    }

    @Override
    String operation() {
      return "store a loaded value";
    }

    @Override
    Declared declare(long now) {
      Write write = declaredWrite(storedValue, now, plain);
      if (write == null) {
        return null;
      }
      return replaceExisting
          ? new Declared(Condition.always(), write, !runtime.events.isEmpty())
          : new Declared(Condition.ifAbsent(), write, runtime.events.wants(EventType.EXPIRED));
    }

    @Override
    Step decide(StoredEntry current, long now) {
      if (!replaceExisting && CacheRuntime.isLive(current, now)) {
        return Step.keep(Change.NONE);
      }
      return upsert(current, storedValue, now, plain, answers);
    }
  }

  /**
   * An entry processor, run in this JVM on the entry read and re-run on the entry that won when its
   * compare-and-set loses (processors need not be serializable, and a closure cannot run in Redis
   * or DynamoDB). Only the winning run's effect is committed and written through. A value the
   * processor loads is loaded once per call, however many runs ask for it.
   */
  final class Invoke<T> extends KeyWrite<K, V> {
    private final EntryProcessor<K, V, T> processor;
    private final Object[] arguments;
    private final ExpiryCalculator.Answers answers = runtime.expiry.answers();
    private final Function<K, V> loader;
    private boolean loaded;
    private V loadedValue;

    /** What the last run saw and did; the last run is the one that committed. */
    ProcessorEntry.Operation operation;

    T result;
    boolean hit;
    private V value;

    Invoke(K key, EntryProcessor<K, V, T> processor, Object[] arguments) {
      super(Kind.INVOKE, key, runtime.keys.encode(key));
      this.processor = processor;
      this.arguments = arguments;
      this.loader = runtime.integration.readThrough() ? this::loadOnce : null;
    }

    private V loadOnce(K k) {
      if (!loaded) {
        loadedValue = runtime.integration.load(k);
        loaded = true;
      }
      return loadedValue;
    }

    @Override
    String operation() {
      return "invoke";
    }

    @Override
    Step decide(StoredEntry current, long now) {
      boolean live = CacheRuntime.isLive(current, now);
      V original = live ? runtime.values.decode(current.value()) : null;
      ProcessorEntry<K, V> entry = new ProcessorEntry<>(key, original, loader);
      try {
        result = processor.process(entry, arguments);
      } catch (EntryProcessorException e) {
        throw e;
      } catch (Exception e) {
        throw new EntryProcessorException(
            "the entry processor failed on cache '" + runtime.name + "': " + e, e);
      }
      operation = entry.operation();
      hit = live;
      value = entry.value();
      StoredEntry expired = live ? null : current;
      return switch (operation) {
        case CREATE, LOAD -> create(current, runtime.values.encode(value), now, plain, answers);
        case UPDATE -> upsert(current, runtime.values.encode(value), now, plain, answers);
        case REMOVE ->
            live
                ? Step.remove(new Change(EventType.REMOVED, current, null, null))
                : expired == null
                    ? Step.keep(Change.NONE)
                    : Step.remove(Change.none(null, expired));
        default -> {
          Change none = Change.none(live ? current : null, expired);
          yield expired == null ? Step.keep(none) : Step.remove(none);
        }
      };
    }

    @Override
    void writeThrough(CacheIntegration<K, V> integration, Change change) {
      switch (operation) {
        case CREATE, UPDATE -> integration.write(key, value);
        // the writer hears of the removal even when nothing was cached (TCK CacheWriterTest)
        case REMOVE -> integration.delete(key);
        default -> {}
      }
    }
  }
}

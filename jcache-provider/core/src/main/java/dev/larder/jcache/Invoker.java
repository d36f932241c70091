package dev.larder.jcache;

import static java.util.Objects.requireNonNull;

import dev.larder.jcache.expiry.ExpiryCalculator;
import dev.larder.jcache.processor.ProcessorEntry;
import dev.larder.jcache.spi.Decision;
import dev.larder.jcache.spi.StoredEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.cache.event.EventType;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * Runs entry processors in this JVM and applies their net effect with the store's atomic
 * read-modify-write (a compare-and-set on remote stores), so {@code invoke} is atomic across JVMs
 * and processors need not be serializable. Thread-safe.
 */
final class Invoker<K, V> {

  private final CacheRuntime<K, V> runtime;

  Invoker(CacheRuntime<K, V> runtime) {
    this.runtime = runtime;
  }

  /** The result of one invocation, carried out of the store's atomic section. */
  private record Outcome<T>(
      Change change, ProcessorEntry.Operation operation, T result, boolean hit) {}

  <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireNonNull(key, "key");
    requireNonNull(processor, "processor");
    long start = runtime.statistics.start();
    Object storedKey = runtime.keys.encode(key);
    Outcome<T> outcome =
        runtime.call(
            "invoke",
            () ->
                runtime.store.compute(
                    storedKey, current -> decide(key, current, processor, arguments)));
    record(outcome, start);
    if (outcome.operation() == ProcessorEntry.Operation.ACCESS) {
      StoredEntry previous = outcome.change().previous();
      runtime.touchOnAccess(storedKey, previous, runtime.now());
    }
    runtime.publish(key, null, outcome.change());
    return outcome.result();
  }

  private <T> Decision<Outcome<T>> decide(
      K key, StoredEntry current, EntryProcessor<K, V, T> processor, Object... arguments) {
    long now = runtime.now();
    boolean live = CacheRuntime.isLive(current, now);
    V original = live ? runtime.values.decode(current.value()) : null;
    ProcessorEntry<K, V> entry =
        new ProcessorEntry<>(
            key, original, runtime.integration.readThrough() ? runtime.integration::load : null);
    T result;
    try {
      result = processor.process(entry, arguments);
    } catch (EntryProcessorException e) {
      throw e;
    } catch (Exception e) {
      throw new EntryProcessorException(
          "the entry processor failed on cache '" + runtime.name + "': " + e, e);
    }
    StoredEntry expired = live ? null : current;
    switch (entry.operation()) {
      case CREATE, LOAD -> {
        if (entry.operation() == ProcessorEntry.Operation.CREATE) {
          runtime.integration.write(key, entry.value());
        }
        Decision<Change> created =
            runtime.create(current, runtime.values.encode(entry.value()), now);
        return new Decision<>(
            created.action(),
            created.write(),
            created.expiresAt(),
            new Outcome<>(created.result(), entry.operation(), result, live));
      }
      case UPDATE -> {
        runtime.integration.write(key, entry.value());
        Object storedValue = runtime.values.encode(entry.value());
        long expiresAt =
            ExpiryCalculator.orCurrent(runtime.expiry.onUpdate(now), current.expiresAt());
        return Decision.put(
            runtime.write(storedValue, expiresAt, now),
            new Outcome<>(
                new Change(EventType.UPDATED, current, null, storedValue),
                entry.operation(),
                result,
                live));
      }
      case REMOVE -> {
        // the writer hears of the removal even when nothing was cached (TCK CacheWriterTest)
        runtime.integration.delete(key);
        if (!live) {
          Outcome<T> nothing =
              new Outcome<>(Change.none(null, expired), entry.operation(), result, false);
          return expired == null ? Decision.keep(nothing) : Decision.remove(nothing);
        }
        return Decision.remove(
            new Outcome<>(
                new Change(EventType.REMOVED, current, null, null),
                entry.operation(),
                result,
                live));
      }
      default -> {
        Change none = Change.none(live ? current : null, expired);
        return expired == null
            ? Decision.keep(new Outcome<>(none, entry.operation(), result, live))
            : Decision.remove(new Outcome<>(none, entry.operation(), result, live));
      }
    }
  }

  private void record(Outcome<?> outcome, long start) {
    if (outcome.hit()) {
      runtime.statistics.recordHits(1);
    } else {
      runtime.statistics.recordMisses(1);
    }
    runtime.statistics.recordGetTime(start);
    switch (outcome.operation()) {
      case CREATE, UPDATE -> {
        if (outcome.change().changed()) {
          runtime.statistics.recordPuts(1);
          runtime.statistics.recordPutTime(start);
        }
      }
      case REMOVE -> {
        if (outcome.change().changed()) {
          runtime.statistics.recordRemovals(1);
          runtime.statistics.recordRemoveTime(start);
        }
      }
      default -> {}
    }
  }

  <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireNonNull(keys, "keys");
    requireNonNull(processor, "processor");
    keys.forEach(key -> requireNonNull(key, "a key in keys"));
    Map<K, EntryProcessorResult<T>> results = new LinkedHashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (EntryProcessorException e) {
        results.put(
            key,
            () -> {
              throw e;
            });
      } catch (RuntimeException e) {
        EntryProcessorException wrapped = new EntryProcessorException(e);
        results.put(
            key,
            () -> {
              throw wrapped;
            });
      }
    }
    return results;
  }
}

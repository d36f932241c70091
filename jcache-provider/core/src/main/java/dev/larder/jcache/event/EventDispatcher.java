package dev.larder.jcache.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;

/**
 * Delivers a cache's entry events to its registered listeners in the JVM that made the change.
 * Synchronous listeners have run when {@link #publish} returns; an exception from one is thrown to
 * the caller as a {@link CacheEntryListenerException} after every listener has had the events.
 * Asynchronous listeners get events in order on a thread of their own. Thread-safe.
 */
public final class EventDispatcher<K, V> {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final Cache<K, V> source;
  private final List<Registration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private volatile boolean[] wanted = new boolean[EventType.values().length];

  public EventDispatcher(Cache<K, V> source) {
    this.source = source;
  }

  /**
   * Registers a listener.
   *
   * @throws IllegalArgumentException if the same configuration is registered already
   */
  public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (Registration<K, V> existing : registrations) {
      if (existing.configuration.equals(configuration)) {
        throw new IllegalArgumentException(
            "cache '" + source.getName() + "' already has this listener configuration registered");
      }
    }
    registrations.add(new Registration<>(configuration, source.getName()));
    refreshWanted();
  }

  /** Removes a listener; does nothing if it is not registered. */
  public synchronized void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    for (Registration<K, V> existing : registrations) {
      if (existing.configuration.equals(configuration)) {
        registrations.remove(existing);
        existing.close();
      }
    }
    refreshWanted();
  }

  private void refreshWanted() {
    boolean[] next = new boolean[EventType.values().length];
    for (Registration<K, V> registration : registrations) {
      for (EventType type : EventType.values()) {
        next[type.ordinal()] |= registration.accepts(type);
      }
    }
    wanted = next;
  }

  /** Whether some listener takes events of this type: callers skip building events otherwise. */
  public boolean wants(EventType type) {
    return wanted[type.ordinal()];
  }

  /** Whether any listener is registered. */
  public boolean isEmpty() {
    return registrations.isEmpty();
  }

  /** A new event, for {@link #publish}. */
  public CacheEntryEvent<K, V> event(EventType type, K key, V value, V oldValue) {
    return new LarderCacheEntryEvent<>(source, type, key, value, oldValue);
  }

  /** Publishes one event. */
  public void publish(EventType type, K key, V value, V oldValue) {
    if (wants(type)) {
      publish(List.of(event(type, key, value, oldValue)));
    }
  }

  /** Publishes events in order. */
  public void publish(List<CacheEntryEvent<K, V>> events) {
    if (events.isEmpty()) {
      return;
    }
    RuntimeException failure = null;
    for (Registration<K, V> registration : registrations) {
      try {
        deliver(registration, events);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure instanceof CacheEntryListenerException listenerException
          ? listenerException
          : new CacheEntryListenerException(
              "a listener of cache '" + source.getName() + "' failed: " + failure, failure);
    }
  }

  private void deliver(Registration<K, V> registration, List<CacheEntryEvent<K, V>> events) {
    // consecutive events of one type go together, in order
    EventType runType = null;
    List<CacheEntryEvent<? extends K, ? extends V>> run = new ArrayList<>();
    for (CacheEntryEvent<K, V> event : events) {
      if (!registration.accepts(event.getEventType()) || !registration.passes(event)) {
        continue;
      }
      if (runType != null && runType != event.getEventType()) {
        send(registration, runType, run);
        run = new ArrayList<>();
      }
      runType = event.getEventType();
      run.add(event);
    }
    if (runType != null) {
      send(registration, runType, run);
    }
  }

  private void send(
      Registration<K, V> registration,
      EventType type,
      List<CacheEntryEvent<? extends K, ? extends V>> run) {
    if (registration.synchronous()) {
      registration.deliver(type, run);
      return;
    }
    registration
        .executor()
        .execute(
            () -> {
              try {
                registration.deliver(type, run);
              } catch (RuntimeException e) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "an asynchronous listener of cache '" + source.getName() + "' failed",
                    e);
              }
            });
  }

  /** Closes every listener and filter that is {@link java.io.Closeable}. */
  public synchronized void close() {
    registrations.forEach(Registration::close);
    registrations.clear();
    refreshWanted();
  }
}

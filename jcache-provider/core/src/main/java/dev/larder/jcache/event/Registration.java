package dev.larder.jcache.event;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/** One registered listener with its filter; asynchronous ones get their own ordered thread. */
final class Registration<K, V> {

  final CacheEntryListenerConfiguration<K, V> configuration;
  private final CacheEntryListener<? super K, ? super V> listener;
  private final CacheEntryEventFilter<? super K, ? super V> filter;
  private final ExecutorService executor;

  Registration(CacheEntryListenerConfiguration<K, V> configuration, String cacheName) {
    this.configuration = configuration;
    this.listener = configuration.getCacheEntryListenerFactory().create();
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
        configuration.getCacheEntryEventFilterFactory();
    this.filter = filterFactory == null ? null : filterFactory.create();
    this.executor =
        configuration.isSynchronous()
            ? null
            : Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "larder-listener-" + cacheName);
                  thread.setDaemon(true);
                  return thread;
                });
  }

  boolean synchronous() {
    return executor == null;
  }

  boolean accepts(EventType type) {
    return switch (type) {
      case CREATED -> listener instanceof CacheEntryCreatedListener;
      case UPDATED -> listener instanceof CacheEntryUpdatedListener;
      case REMOVED -> listener instanceof CacheEntryRemovedListener;
      case EXPIRED -> listener instanceof CacheEntryExpiredListener;
    };
  }

  boolean passes(CacheEntryEvent<K, V> event) {
    return filter == null || filter.evaluate(event);
  }

  /** Delivers events that all have the same type. */
  @SuppressWarnings("unchecked")
  void deliver(EventType type, List<CacheEntryEvent<? extends K, ? extends V>> events) {
    Iterable<CacheEntryEvent<? extends K, ? extends V>> batch = events;
    switch (type) {
      case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(batch);
      case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(batch);
      case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(batch);
      case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(batch);
    }
  }

  ExecutorService executor() {
    return executor;
  }

  void close() {
    if (executor != null) {
      executor.shutdown();
    }
    closeQuietly(listener);
    closeQuietly(filter);
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.getLogger(Registration.class.getName())
            .log(System.Logger.Level.WARNING, "closing a listener failed", e);
      }
    }
  }
}

package dev.larder.jcache.integration;

import dev.larder.jcache.LarderEntry;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * A cache's loader and writer, with the spec's exception rules: anything they throw reaches the
 * caller as a {@link CacheLoaderException} or {@link CacheWriterException}, never wrapped twice.
 * Thread-safe if the loader and writer are.
 */
public final class CacheIntegration<K, V> {

  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;
  private final boolean readThrough;
  private final boolean writeThrough;

  /** Per-key order of commit and write-through within this JVM (lock stripes); null if unused. */
  private final Lock[] order;

  public CacheIntegration(CompleteConfiguration<K, V> configuration) {
    this.loader =
        configuration.getCacheLoaderFactory() == null
            ? null
            : configuration.getCacheLoaderFactory().create();
    this.writer = writerOf(configuration);
    this.readThrough = configuration.isReadThrough() && loader != null;
    this.writeThrough = configuration.isWriteThrough() && writer != null;
    this.order = writeThrough ? new Lock[ORDER_STRIPES] : null;
    if (order != null) {
      Arrays.setAll(order, i -> new ReentrantLock());
    }
  }

  private static final int ORDER_STRIPES = 256;

  /**
   * The lock that orders one key's writes with their write-through: a write holds it from its
   * commit until the writer has heard of it, so the writer hears this JVM's writes to a key in the
   * order they committed. Keys are stored keys ({@code byte[]} compared by content). Only for a
   * write-through cache.
   */
  public Lock orderOf(Object storedKey) {
    int hash = storedKey instanceof byte[] bytes ? Arrays.hashCode(bytes) : storedKey.hashCode();
    return order[(hash ^ (hash >>> 16)) & (ORDER_STRIPES - 1)];
  }

  @SuppressWarnings("unchecked")
  private static <K, V> CacheWriter<K, V> writerOf(CompleteConfiguration<K, V> configuration) {
    // a writer of supertypes accepts our entries; the cast only narrows what we promise it
    return configuration.getCacheWriterFactory() == null
        ? null
        : (CacheWriter<K, V>) configuration.getCacheWriterFactory().create();
  }

  /** Whether misses are loaded by the loader. */
  public boolean readThrough() {
    return readThrough;
  }

  /** Whether a loader exists, configured for read-through or not ({@code loadAll} uses it). */
  public boolean hasLoader() {
    return loader != null;
  }

  public boolean writeThrough() {
    return writeThrough;
  }

  public V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("the loader failed for key " + key + ": " + e, e);
    }
  }

  /** Loads keys; null values are dropped, as the spec says. */
  public Map<K, V> loadAll(Iterable<? extends K> keys) {
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("the loader failed to load all: " + e, e);
    }
    Map<K, V> present = new java.util.LinkedHashMap<>();
    if (loaded != null) {
      loaded.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              present.put(k, v);
            }
          });
    }
    return present;
  }

  public void write(K key, V value) {
    if (!writeThrough) {
      return;
    }
    try {
      writer.write(new LarderEntry<>(key, value));
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("the writer failed to write key " + key + ": " + e, e);
    }
  }

  public void delete(K key) {
    if (!writeThrough) {
      return;
    }
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("the writer failed to delete key " + key + ": " + e, e);
    }
  }

  /**
   * Writes entries. On failure the writer leaves the entries it did not write in the collection;
   * the keys it did write are returned with the exception so the cache can store exactly those.
   */
  public BatchOutcome<K> writeAll(Map<? extends K, ? extends V> entries) {
    if (!writeThrough || entries.isEmpty()) {
      return BatchOutcome.none();
    }
    List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(entries.size());
    entries.forEach((k, v) -> pending.add(new LarderEntry<>(k, v)));
    try {
      writer.writeAll(pending);
      return BatchOutcome.none();
    } catch (Exception e) {
      Set<K> failed = new LinkedHashSet<>();
      pending.forEach(entry -> failed.add(entry.getKey()));
      return new BatchOutcome<>(failed, asWriterException(e, "write all"));
    }
  }

  /** Deletes keys; like {@link #writeAll}, the keys left in the collection failed. */
  public BatchOutcome<K> deleteAll(Collection<? extends K> keys) {
    if (!writeThrough || keys.isEmpty()) {
      return BatchOutcome.none();
    }
    List<K> pending = new ArrayList<>(keys);
    try {
      writer.deleteAll(pending);
      return BatchOutcome.none();
    } catch (Exception e) {
      return new BatchOutcome<>(new LinkedHashSet<>(pending), asWriterException(e, "delete all"));
    }
  }

  private static CacheWriterException asWriterException(Exception e, String operation) {
    return e instanceof CacheWriterException writerException
        ? writerException
        : new CacheWriterException("the writer failed to " + operation + ": " + e, e);
  }

  /** Closes the loader and writer if they are {@link Closeable}. */
  public void close() {
    closeQuietly(loader);
    closeQuietly(writer);
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.getLogger(CacheIntegration.class.getName())
            .log(System.Logger.Level.WARNING, "closing a loader or writer failed", e);
      }
    }
  }

  /**
   * The keys a batch write-through failed on, and the exception to throw once the others are
   * applied.
   */
  public record BatchOutcome<K>(Set<K> failed, CacheWriterException failure) {

    static <K> BatchOutcome<K> none() {
      return new BatchOutcome<>(Set.of(), null);
    }

    public void throwIfFailed() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}

package dev.larder.jcache;

import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.StoredEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import javax.cache.Cache;

/**
 * Walks a cache's live entries page by page: one key page and one bulk read per page. Each entry
 * returned counts as a hit and an access; {@link #remove()} removes through the cache, with the
 * writer, events and statistics of {@code Cache.remove}. Not thread-safe, like any iterator.
 */
final class CacheIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private static final int PAGE_SIZE = 256;

  private final CacheRuntime<K, V> runtime;
  private final Consumer<K> remover;
  private final Deque<Item<K, V>> buffered = new ArrayDeque<>();
  private String cursor;
  private boolean exhausted;
  private Cache.Entry<K, V> last;

  CacheIterator(CacheRuntime<K, V> runtime, Consumer<K> remover) {
    this.runtime = runtime;
    this.remover = remover;
  }

  @Override
  public boolean hasNext() {
    while (buffered.isEmpty() && !exhausted) {
      fetchPage();
    }
    return !buffered.isEmpty();
  }

  private void fetchPage() {
    String from = cursor;
    KeyPage page = runtime.call("iterate", () -> runtime.store.keys(from, PAGE_SIZE));
    cursor = page.cursor();
    exhausted = page.isLast();
    if (page.keys().isEmpty()) {
      return;
    }
    List<Object> storedKeys = new ArrayList<>(page.keys());
    List<StoredEntry> entries = runtime.call("iterate", () -> runtime.store.getAll(storedKeys));
    long now = runtime.now();
    for (int i = 0; i < storedKeys.size(); i++) {
      StoredEntry entry = entries.get(i);
      if (CacheRuntime.isLive(entry, now)) {
        K key = runtime.keys.decode(storedKeys.get(i));
        LarderEntry<K, V> item = new LarderEntry<>(key, runtime.values.decode(entry.value()));
        buffered.add(new Item<>(item, storedKeys.get(i), entry));
      }
    }
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Item<K, V> item = buffered.poll();
    last = item.entry();
    runtime.statistics.recordHits(1);
    runtime.touchOnAccess(item.storedKey(), item.stored(), runtime.now());
    return last;
  }

  private record Item<K, V>(Cache.Entry<K, V> entry, Object storedKey, StoredEntry stored) {}

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() was not called, or remove() was called already");
    }
    remover.accept(last.getKey());
    last = null;
  }
}

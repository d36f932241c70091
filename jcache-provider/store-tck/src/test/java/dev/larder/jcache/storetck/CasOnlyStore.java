package dev.larder.jcache.storetck;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.List;

/**
 * Delegates everything but {@link #compute}, so {@code compute} is the SPI's default
 * compare-and-set loop over the wrapped store's {@code get} and versioned writes. Lets the contract
 * prove that loop on any store, including ones that override {@code compute}.
 */
public final class CasOnlyStore implements Store {

  private final Store delegate;

  public CasOnlyStore(Store delegate) {
    this.delegate = delegate;
  }

  @Override
  public Partition partition() {
    return delegate.partition();
  }

  @Override
  public StoredEntry get(Object key) {
    return delegate.get(key);
  }

  @Override
  public List<StoredEntry> getAll(List<?> keys) {
    return delegate.getAll(keys);
  }

  @Override
  public WriteResult put(
      Object key, Write write, Condition condition, long now, boolean returnPrevious) {
    return delegate.put(key, write, condition, now, returnPrevious);
  }

  @Override
  public void putAll(List<?> keys, List<Write> writes) {
    delegate.putAll(keys, writes);
  }

  @Override
  public WriteResult remove(Object key, Condition condition, long now, boolean returnPrevious) {
    return delegate.remove(key, condition, now, returnPrevious);
  }

  @Override
  public void removeAll(List<?> keys) {
    delegate.removeAll(keys);
  }

  @Override
  public boolean touch(Object key, long version, long expiresAt) {
    return delegate.touch(key, version, expiresAt);
  }

  @Override
  public KeyPage keys(String cursor, int pageSize) {
    return delegate.keys(cursor, pageSize);
  }

  @Override
  public void clear() {
    delegate.clear();
  }

  @Override
  public String toString() {
    return "CasOnlyStore[" + delegate + "]";
  }
}

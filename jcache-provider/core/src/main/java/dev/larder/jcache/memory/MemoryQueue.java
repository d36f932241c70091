package dev.larder.jcache.memory;

import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/** A queue of a memory backend: a {@link LinkedBlockingDeque}. Thread-safe. */
final class MemoryQueue implements QueueStore {

  private final Partition partition;
  private final LinkedBlockingDeque<byte[]> items = new LinkedBlockingDeque<>();

  MemoryQueue(Partition partition) {
    this.partition = partition;
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public void push(byte[] item) {
    items.addLast(item);
  }

  @Override
  public byte[] pop(long timeoutMillis) {
    if (timeoutMillis <= 0) {
      return items.pollFirst();
    }
    try {
      return items.pollFirst(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public byte[] peek() {
    return items.peekFirst();
  }

  @Override
  public long size() {
    return items.size();
  }

  @Override
  public void clear() {
    items.clear();
  }
}

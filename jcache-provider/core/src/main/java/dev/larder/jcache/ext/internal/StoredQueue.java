package dev.larder.jcache.ext.internal;

import dev.larder.jcache.ext.LarderQueue;
import dev.larder.jcache.spi.QueueStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A {@link LarderQueue} over a {@link QueueStore}. Thread-safe. */
final class StoredQueue<T> implements LarderQueue<T> {

  static final Duration LONGEST_WAIT = Duration.ofDays(3650);

  private final String name;
  private final Class<T> type;
  private final QueueStore store;
  private final ItemCodec codec;
  private final String what;

  StoredQueue(String name, Class<T> type, QueueStore store, ItemCodec codec, String what) {
    this.name = name;
    this.type = type;
    this.store = store;
    this.codec = codec;
    this.what = what;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void push(T item) {
    Objects.requireNonNull(item, "item");
    if (!type.isInstance(item)) {
      throw new IllegalArgumentException(
          "LARDER-069: "
              + what
              + " holds "
              + type.getName()
              + ", not "
              + item.getClass().getName());
    }
    byte[] bytes = codec.encode(item);
    StoreCalls.call(
        what,
        "push",
        () -> {
          store.push(bytes);
          return null;
        });
  }

  @Override
  public Optional<T> pop() {
    return decode(StoreCalls.call(what, "pop", () -> store.pop(0)), true);
  }

  @Override
  public Optional<T> pop(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "LARDER-063: the timeout of a pop from " + what + " must be >= 0, was " + timeout);
    }
    // a wait beyond ten years is a wait forever; capped so deadlines cannot overflow
    long millis =
        timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT.toMillis() : timeout.toMillis();
    return decode(StoreCalls.call(what, "pop", () -> store.pop(millis)), true);
  }

  @Override
  public Optional<T> peek() {
    return decode(StoreCalls.call(what, "peek", store::peek), false);
  }

  @Override
  public long size() {
    return StoreCalls.call(what, "size", store::size);
  }

  @Override
  public void clear() {
    StoreCalls.call(
        what,
        "clear",
        () -> {
          store.clear();
          return null;
        });
  }

  private Optional<T> decode(byte[] bytes, boolean popped) {
    if (bytes == null) {
      return Optional.empty();
    }
    Object item = codec.decode(bytes);
    if (!type.isInstance(item)) {
      if (popped) {
        // give the item back rather than lose it
        StoreCalls.call(
            what,
            "push back",
            () -> {
              store.push(bytes);
              return null;
            });
      }
      throw new IllegalStateException(
          "LARDER-069: "
              + what
              + " holds a "
              + item.getClass().getName()
              + ", not "
              + type.getName()
              + (popped ? "; the item was pushed back at the tail" : "")
              + "; open the queue with the type its producers push");
    }
    return Optional.of(type.cast(item));
  }

  @Override
  public String toString() {
    return "LarderQueue{" + what + "}";
  }
}

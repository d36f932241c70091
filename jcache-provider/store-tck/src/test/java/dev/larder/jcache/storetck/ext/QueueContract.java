package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.LarderQueue;
import dev.larder.jcache.ext.Queues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Named, tenant-aware FIFO queues; every item popped exactly once, across providers too. */
public abstract class QueueContract extends ExtensionFixture {

  private LarderQueue<String> queue(String name) {
    return manager().queues().queue(name, String.class);
  }

  @Test
  void pop_returnsItemsInPushOrder() {
    LarderQueue<String> queue = queue("fifo");
    queue.push("a");
    queue.push("b");
    queue.push("c");

    assertEquals(3, queue.size());
    assertEquals(Optional.of("a"), queue.peek());
    assertEquals(Optional.of("a"), queue.pop());
    assertEquals(Optional.of("b"), queue.pop());
    assertEquals(Optional.of("c"), queue.pop());
    assertEquals(Optional.empty(), queue.pop());
    assertEquals(0, queue.size());
  }

  @Test
  void peek_leavesTheItem() {
    LarderQueue<String> queue = queue("peek");
    assertEquals(Optional.empty(), queue.peek());
    queue.push("a");
    assertEquals(Optional.of("a"), queue.peek());
    assertEquals(1, queue.size());
  }

  @Test
  void popWithTimeout_waitsForAnItemPushedMeanwhile() throws Exception {
    LarderQueue<String> queue = queue("waiting");
    ExecutorService pusher = Executors.newSingleThreadExecutor();
    try {
      pusher.submit(
          () -> {
            TimeUnit.MILLISECONDS.sleep(100);
            peer().queues().queue("waiting", String.class).push("late");
            return null;
          });
      assertEquals(Optional.of("late"), queue.pop(Duration.ofSeconds(5)));
    } finally {
      pusher.shutdownNow();
    }
  }

  @Test
  void popWithTimeout_onAnEmptyQueue_returnsEmptyAfterTheTimeout() {
    LarderQueue<String> queue = queue("empty");
    long start = System.nanoTime();
    assertEquals(Optional.empty(), queue.pop(Duration.ofMillis(150)));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Test
  void popWithAHugeTimeout_takesAnItemThatIsThere() {
    LarderQueue<String> queue = queue("huge timeout");
    queue.push("a");
    assertEquals(Optional.of("a"), queue.pop(Duration.ofDays(365L * 1_000)));
  }

  @Test
  void queues_arePerTenantAndName() {
    Queues queues = manager().queues();
    queues.forTenant("acme").queue("jobs", String.class).push("acme's");
    queues.forTenant("globex").queue("jobs", String.class).push("globex's");
    queues.queue("jobs", String.class).push("global");
    queues.queue("other", String.class).push("other");

    assertEquals(Optional.of("acme's"), queues.forTenant("acme").queue("jobs", String.class).pop());
    assertEquals(
        Optional.of("globex's"), queues.forTenant("globex").queue("jobs", String.class).pop());
    assertEquals(Optional.of("global"), queues.queue("jobs", String.class).pop());
    assertEquals(1, queues.queue("other", String.class).size());
  }

  @Test
  void clear_emptiesTheQueue() {
    LarderQueue<String> queue = queue("clear");
    queue.push("a");
    queue.push("b");
    queue.clear();
    assertEquals(0, queue.size());
  }

  @Test
  void itemsOfAnyType_roundTrip() {
    LarderQueue<ArrayList<?>> queue = manager().queues().queue("lists", castList());
    ArrayList<Object> item = new ArrayList<>(List.of(1, "two", 3.0));
    queue.push(item);
    assertEquals(Optional.of(item), queue.pop());
  }

  @SuppressWarnings("unchecked")
  private static Class<ArrayList<?>> castList() {
    return (Class<ArrayList<?>>) (Class<?>) ArrayList.class;
  }

  @Test
  void unserializableItem_isRefusedAndNothingIsLost() {
    LarderQueue<Object> queue = manager().queues().queue("bad", Object.class);
    queue.push("before");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> queue.push(new Object()));
    assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
    assertEquals(1, queue.size());
    assertEquals(Optional.of("before"), queue.pop());
  }

  @Test
  void concurrentConsumersOfTwoProviders_popEveryItemExactlyOnce() throws Exception {
    int producers = 4;
    int perProducer = 750;
    int consumersPerProvider = 2;
    String name = "concurrent";
    ExecutorService threads = Executors.newFixedThreadPool(producers + 2 * consumersPerProvider);
    ConcurrentLinkedQueue<String> popped = new ConcurrentLinkedQueue<>();
    AtomicInteger pushed = new AtomicInteger();
    CountDownLatch producersDone = new CountDownLatch(producers);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int producer = p;
        LarderQueue<String> out =
            (p % 2 == 0 ? manager() : peer()).queues().queue(name, String.class);
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < perProducer; i++) {
                    out.push(producer + "-" + i);
                    pushed.incrementAndGet();
                  }
                  producersDone.countDown();
                  return null;
                }));
      }
      for (int c = 0; c < 2 * consumersPerProvider; c++) {
        LarderQueue<String> in =
            (c % 2 == 0 ? manager() : peer()).queues().queue(name, String.class);
        work.add(
            threads.submit(
                () -> {
                  while (true) {
                    Optional<String> item = in.pop(Duration.ofMillis(200));
                    if (item.isPresent()) {
                      popped.add(item.get());
                    } else if (producersDone.getCount() == 0 && in.size() == 0) {
                      return null;
                    }
                  }
                }));
      }
      for (Future<?> future : work) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    int total = producers * perProducer;
    assertEquals(total, pushed.get());
    Set<String> unique = new HashSet<>(popped);
    assertEquals(popped.size(), unique.size(), "duplicated: " + (popped.size() - unique.size()));
    assertEquals(total, unique.size(), "lost: " + (total - unique.size()));
  }
}

package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.Test;

/**
 * The one write path under contention: many threads of two cache managers (two connection pools, as
 * two JVMs have) on one key, a write-through writer shared by both (one system of record), and a
 * raw write injected between an operation's read and its commit. The writer hears exactly the
 * writes that applied, once each, with the value stored; within one manager, in commit order.
 */
public abstract class WritePathContract extends ExtensionFixture {

  static final int THREADS = 8;
  static final int ROUNDS = 25;

  /** A write-through writer that records what it hears, and can be told to refuse a value. */
  static final class Recorder implements CacheWriter<String, String> {
    final List<String> heard = new ArrayList<>();
    volatile String refuse;
    volatile BiConsumer<String, String> beforeRefusing = (k, v) -> {};

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      if (entry.getValue().equals(refuse)) {
        beforeRefusing.accept(entry.getKey(), entry.getValue());
        throw new CacheWriterException("refused " + entry.getValue());
      }
      synchronized (heard) {
        heard.add(entry.getKey() + "=" + entry.getValue());
      }
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      for (var it = entries.iterator(); it.hasNext(); ) {
        write(it.next());
        it.remove();
      }
    }

    @Override
    public void delete(Object key) {
      synchronized (heard) {
        heard.add(key + " deleted");
      }
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      for (var it = keys.iterator(); it.hasNext(); ) {
        delete(it.next());
        it.remove();
      }
    }

    List<String> heardAbout(String key) {
      synchronized (heard) {
        return heard.stream()
            .filter(h -> h.startsWith(key + "=") || h.equals(key + " deleted"))
            .toList();
      }
    }

    int size() {
      synchronized (heard) {
        return heard.size();
      }
    }
  }

  private final Recorder recorder = new Recorder();

  private MutableConfiguration<String, String> writeThrough() {
    MutableConfiguration<String, String> configuration = new MutableConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setWriteThrough(true);
    configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(recorder));
    return configuration;
  }

  /**
   * The cache {@code name} of the manager and of its peer, both writing through {@link #recorder}.
   */
  private List<Cache<String, String>> pair(String name) {
    Cache<String, String> mine = manager().createCache(name, writeThrough());
    Cache<String, String> theirs =
        peer() == manager() ? mine : peer().createCache(name, writeThrough());
    return List.of(mine, theirs);
  }

  /** Runs {@code task(thread)} on {@link #THREADS} threads, alternating caches, all at once. */
  private <T> List<T> race(List<Cache<String, String>> caches, RaceTask<T> task) throws Exception {
    return race(caches, THREADS, task);
  }

  private <T> List<T> race(List<Cache<String, String>> caches, int threads, RaceTask<T> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Cache<String, String> cache = caches.get(t % caches.size());
        Callable<T> call =
            () -> {
              start.await();
              return task.run(cache, thread);
            };
        futures.add(pool.submit(call));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(5, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  interface RaceTask<T> {
    T run(Cache<String, String> cache, int thread) throws Exception;
  }

  @Test
  void putIfAbsent_racing_writerHearsOnlyTheOneThatStored() throws Exception {
    List<Cache<String, String>> caches = pair("put if absent race");
    for (int round = 0; round < ROUNDS; round++) {
      String key = "k" + round;
      List<Boolean> stored = race(caches, (cache, t) -> cache.putIfAbsent(key, "t" + t));

      assertEquals(1, stored.stream().filter(s -> s).count(), "one winner in round " + round);
      String winner = "t" + stored.indexOf(true);
      assertEquals(List.of(key + "=" + winner), recorder.heardAbout(key));
      assertEquals(winner, caches.get(0).get(key));
    }
  }

  @Test
  void replaceIfEquals_racing_writerHearsOnlyTheOneThatReplaced() throws Exception {
    List<Cache<String, String>> caches = pair("replace race");
    for (int round = 0; round < ROUNDS; round++) {
      String key = "k" + round;
      caches.get(0).put(key, "old");
      List<Boolean> replaced = race(caches, (cache, t) -> cache.replace(key, "old", "t" + t));

      assertEquals(1, replaced.stream().filter(r -> r).count(), "one winner in round " + round);
      String winner = "t" + replaced.indexOf(true);
      assertEquals(List.of(key + "=old", key + "=" + winner), recorder.heardAbout(key));
      assertEquals(winner, caches.get(0).get(key));
    }
  }

  @Test
  void removeIfEquals_racing_writerHearsOneDelete() throws Exception {
    List<Cache<String, String>> caches = pair("remove race");
    for (int round = 0; round < ROUNDS; round++) {
      String key = "k" + round;
      caches.get(0).put(key, "old");
      List<Boolean> removed = race(caches, (cache, t) -> cache.remove(key, "old"));

      assertEquals(1, removed.stream().filter(r -> r).count(), "one winner in round " + round);
      assertEquals(List.of(key + "=old", key + " deleted"), recorder.heardAbout(key));
      assertFalse(caches.get(0).containsKey(key));
    }
  }

  @Test
  void put_racingInOneManager_writerHearsInCommitOrder() throws Exception {
    Cache<String, String> cache = pair("put race").get(0);
    for (int round = 0; round < ROUNDS; round++) {
      String key = "k" + round;
      race(
          List.of(cache),
          (c, t) -> {
            c.put(key, "t" + t);
            return null;
          });

      List<String> heard = recorder.heardAbout(key);
      assertEquals(THREADS, heard.size(), "every put was written through once: " + heard);
      assertEquals(key + "=" + cache.get(key), heard.get(heard.size() - 1), "the last heard");
    }
  }

  /**
   * Two managers x 8 threads of increments on one key: every increment applies once, in the store
   * and in the writer, and none gives up.
   */
  @Test
  void invoke_incrementsFromTwoManagers_applyEachExactlyOnce() throws Exception {
    List<Cache<String, String>> caches = pair("counter");
    int perThread = incrementsPerThread();
    EntryProcessor<String, String, Integer> increment =
        (entry, args) -> {
          int next = entry.exists() ? Integer.parseInt(entry.getValue()) + 1 : 1;
          entry.setValue(Integer.toString(next));
          return next;
        };
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    int threads = 2 * THREADS;
    race(
        caches,
        threads,
        (cache, t) -> {
          for (int i = 0; i < perThread; i++) {
            int count = cache.invoke("n", increment);
            assertTrue(seen.add(count), "two increments both returned " + count);
          }
          return null;
        });

    int total = threads * perThread;
    assertEquals(Integer.toString(total), caches.get(0).get("n"));
    List<String> heard = recorder.heardAbout("n");
    assertEquals(total, heard.size(), "the writer heard each increment once");
    Set<String> distinct = new HashSet<>(heard);
    for (int i = 1; i <= total; i++) {
      assertTrue(distinct.contains("n=" + i), "the writer never heard n=" + i);
    }
  }

  /** How many increments each thread makes; every backend makes at least 250. */
  protected int incrementsPerThread() {
    return 1_000;
  }

  /**
   * A raw write lands between a processor's read and its commit: the processor runs again on the
   * raw value, and only that second run reaches the writer.
   */
  @Test
  void invoke_losingToARawWriteBetweenReadAndCommit_rerunsAndWritesThroughOnce() {
    List<Cache<String, String>> caches = pair("injected");
    Cache<String, String> cache = caches.get(0);
    Cache<String, String> other = caches.get(1);
    cache.put("k", "1");
    AtomicInteger runs = new AtomicInteger();
    String result =
        cache.invoke(
            "k",
            (entry, args) -> {
              if (runs.incrementAndGet() == 1) {
                other.put("k", "10"); // the racing write: after this run read, before it commits
              }
              String next = entry.getValue() + "+1";
              entry.setValue(next);
              return next;
            });

    assertEquals(2, runs.get(), "the processor runs again on the entry that won");
    assertEquals("10+1", result);
    assertEquals("10+1", cache.get("k"));
    assertEquals(List.of("k=1", "k=10", "k=10+1"), recorder.heardAbout("k"));
  }

  @Test
  void put_whoseWriterRefuses_leavesTheCacheAsItWas() {
    Cache<String, String> cache = pair("refused").get(0);
    cache.put("k", "good");
    recorder.refuse = "bad";

    assertThrows(CacheWriterException.class, () -> cache.put("k", "bad"));
    assertThrows(CacheWriterException.class, () -> cache.putIfAbsent("new", "bad"));
    assertThrows(CacheWriterException.class, () -> cache.replace("k", "good", "bad"));

    assertEquals("good", cache.get("k"));
    assertFalse(cache.containsKey("new"));
    assertEquals(List.of("k=good"), recorder.heardAbout("k"));
  }

  @Test
  void put_whoseWriterRefuses_doesNotUndoALaterWrite() {
    List<Cache<String, String>> caches = pair("refused later");
    Cache<String, String> cache = caches.get(0);
    cache.put("k", "good");
    recorder.refuse = "bad";
    // while the writer decides, someone else writes the key (through the other manager)
    recorder.beforeRefusing = (k, v) -> caches.get(1).put(k, "later");

    assertThrows(CacheWriterException.class, () -> cache.put("k", "bad"));

    assertEquals("later", cache.get("k"));
    assertEquals(List.of("k=good", "k=later"), recorder.heardAbout("k"));
  }

  @Test
  void totalWritesHeard_matchTheOperationsThatApplied() {
    Cache<String, String> cache = pair("all kinds").get(0);
    assertTrue(cache.putIfAbsent("a", "1"));
    assertFalse(cache.putIfAbsent("a", "2"));
    assertFalse(cache.replace("b", "1"));
    assertFalse(cache.replace("a", "9", "3"));
    assertTrue(cache.replace("a", "1", "4"));
    assertFalse(cache.remove("a", "1"));
    assertTrue(cache.remove("a", "4"));
    assertEquals(List.of("a=1", "a=4", "a deleted"), recorder.heardAbout("a"));
    assertEquals(List.of(), recorder.heardAbout("b"));
    assertEquals(3, recorder.size());
  }
}

package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.Page;
import dev.larder.jcache.ext.WriteOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** Indices: entries filed under index names when written, listed by index in pages. */
public abstract class IndexContract extends ExtensionFixture {

  /** Every key of an index, walked with a small page size. */
  protected static Set<String> keysOf(ExtendedCache<String, String> cache, String index) {
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = cache.indexKeys(index, cursor, 3);
      all.addAll(page.items());
      cursor = page.cursor();
    } while (cursor != null);
    Set<String> unique = new HashSet<>(all);
    assertEquals(unique.size(), all.size(), "a key came twice: " + all);
    return unique;
  }

  @Test
  void index_listsTheKeysWrittenWithIt() {
    ExtendedCache<String, String> cache = cache("basic");
    for (int i = 0; i < 20; i++) {
      cache.put("k" + i, "v", WriteOptions.indices(i % 2 == 0 ? "even" : "odd", "all"));
    }
    cache.cache().put("untagged", "v");

    assertEquals(20, keysOf(cache, "all").size());
    assertEquals(10, keysOf(cache, "even").size());
    assertTrue(keysOf(cache, "even").contains("k4"));
    assertTrue(keysOf(cache, "none").isEmpty());
  }

  @Test
  void index_takesPutIfAbsentAndTtlWrites() {
    ExtendedCache<String, String> cache = cache("kinds");
    cache.putIfAbsent("a", "v", WriteOptions.indices("i"));
    cache.put("b", "v", WriteOptions.ttl(Duration.ofMinutes(1)).withIndices("i"));
    cache.putIfAbsent("c", "v", WriteOptions.ttl(Duration.ofMinutes(1)).withIndices("i"));
    cache.cache().put("d", "v");
    assertFalse(cache.putIfAbsent("d", "v", WriteOptions.indices("i")));

    assertEquals(Set.of("a", "b", "c"), keysOf(cache, "i"));
  }

  @Test
  void metadata_namesTheIndicesOfTheLastWrite() {
    ExtendedCache<String, String> cache = cache("metadata");
    cache.put("k", "v", WriteOptions.indices("a", "b"));
    assertEquals(Set.of("a", "b"), cache.metadata("k").orElseThrow().indices());
  }

  @Test
  void removedKey_leavesItsIndices() {
    ExtendedCache<String, String> cache = cache("removed");
    cache.put("a", "v", WriteOptions.indices("i"));
    cache.put("b", "v", WriteOptions.indices("i"));
    cache.cache().remove("a");

    assertEquals(Set.of("b"), keysOf(cache, "i"));
    assertEquals(Set.of("b"), keysOf(cache, "i"));
  }

  @Test
  void expiredKey_leavesItsIndices() {
    ExtendedCache<String, String> cache = cache("expired");
    cache.put("a", "v", WriteOptions.ttl(Duration.ofSeconds(1)).withIndices("i"));
    cache.put("b", "v", WriteOptions.indices("i"));
    clock().advance(Duration.ofSeconds(1));

    assertEquals(Set.of("b"), keysOf(cache, "i"));
  }

  @Test
  void keyRewrittenWithoutTheIndex_leavesIt_andRewrittenWithIt_stays() {
    ExtendedCache<String, String> cache = cache("rewritten");
    cache.put("a", "v", WriteOptions.indices("i"));
    cache.put("b", "v", WriteOptions.indices("i"));
    cache.cache().put("a", "plain");
    cache.put("b", "again", WriteOptions.indices("i", "j"));
    keysOf(cache, "i");
    cache.put("a", "back", WriteOptions.indices("i"));

    assertEquals(Set.of("a", "b"), keysOf(cache, "i"));
    assertEquals(Set.of("b"), keysOf(cache, "j"));
  }

  @Test
  void indices_arePerTenant() {
    ExtendedCache<String, String> cache = cache("tenants");
    cache.forTenant("acme").put("a", "v", WriteOptions.indices("i"));
    cache.forTenant("globex").put("g", "v", WriteOptions.indices("i"));
    cache.put("global", "v", WriteOptions.indices("i"));

    assertEquals(Set.of("a"), keysOf(cache.forTenant("acme"), "i"));
    assertEquals(Set.of("g"), keysOf(cache.forTenant("globex"), "i"));
    assertEquals(Set.of("global"), keysOf(cache, "i"));
  }

  @Test
  void clear_dropsThePartitionsIndicesOnly() {
    ExtendedCache<String, String> cache = cache("clear");
    cache.forTenant("acme").put("a", "v", WriteOptions.indices("i"));
    cache.put("global", "v", WriteOptions.indices("i"));
    cache.forTenant("acme").cache().clear();

    assertTrue(keysOf(cache.forTenant("acme"), "i").isEmpty());
    assertEquals(Set.of("global"), keysOf(cache, "i"));
  }

  @Test
  void anyNonEmptyString_isALegalIndexName() {
    ExtendedCache<String, String> cache = cache("names");
    List<String> names = List.of(" ", "a:b", "*", "{x}", "%20", "ü漢字", "customer:42");
    for (String name : names) {
      cache.put("k " + name, "v", WriteOptions.indices(name));
    }
    for (String name : names) {
      assertEquals(Set.of("k " + name), keysOf(cache, name), name);
    }
  }

  @Test
  void emptyIndexName_isRefusedAndNothingIsWritten() {
    ExtendedCache<String, String> cache = cache("empty");
    cache.cache().put("k", "kept");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> cache.put("k", "lost", WriteOptions.indices("ok", "")));
    assertTrue(e.getMessage().contains("index name"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> cache.indexKeys("", null, 10));
    assertThrows(IllegalArgumentException.class, () -> WriteOptions.indices((String) null));

    assertEquals("kept", cache.cache().get("k"));
  }

  @Test
  void concurrentRewritesAndIndexReads_ofTwoProviders_neverLoseALiveTaggedKey() throws Exception {
    ExtendedCache<String, String> cache = cache("race");
    ExtendedCache<String, String> other =
        remote()
            ? ExtendedCache.of(
                peer()
                    .createCache(
                        "race",
                        new MutableConfiguration<String, String>()
                            .setTypes(String.class, String.class)))
            : cache;
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (ExtendedCache<String, String> writer : List.of(cache, other)) {
        writers.add(
            threads.submit(
                () -> {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < 600; i++) {
                    String key = "k" + random.nextInt(6);
                    switch (random.nextInt(3)) {
                      case 0 -> writer.put(key, "tagged", WriteOptions.indices("i"));
                      case 1 -> writer.cache().put(key, "plain");
                      default -> writer.cache().remove(key);
                    }
                  }
                  return null;
                }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (ExtendedCache<String, String> reader : List.of(cache, other)) {
        readers.add(
            threads.submit(
                () -> {
                  while (writing.get()) {
                    keysOf(reader, "i");
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    Set<String> tagged = new HashSet<>();
    for (int k = 0; k < 6; k++) {
      String key = "k" + k;
      if (cache.metadata(key).map(m -> m.indices().contains("i")).orElse(false)) {
        tagged.add(key);
      }
    }
    assertEquals(tagged, keysOf(cache, "i"));
  }
}

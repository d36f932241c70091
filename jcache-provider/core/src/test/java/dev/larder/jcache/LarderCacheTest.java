package dev.larder.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LarderCacheTest {

  private final LarderCachingProvider provider = new LarderCachingProvider();
  private final CacheManager manager = provider.getCacheManager();

  @AfterEach
  void closeAll() {
    provider.close();
  }

  @Test
  void put_thenGet_roundTrips() {
    Cache<String, String> cache = manager.createCache("round", new MutableConfiguration<>());
    cache.put("k", "v");
    assertEquals("v", cache.get("k"));
    assertTrue(cache.containsKey("k"));
    assertTrue(cache.remove("k"));
    assertNull(cache.get("k"));
  }

  @Test
  void nullKeysAndValues_areRejectedWithNullPointerException() {
    Cache<String, String> cache = manager.createCache("nulls", new MutableConfiguration<>());
    assertThrows(NullPointerException.class, () -> cache.get(null));
    assertThrows(NullPointerException.class, () -> cache.put(null, "v"));
    assertThrows(NullPointerException.class, () -> cache.put("k", null));
    assertThrows(NullPointerException.class, () -> cache.invoke("k", null));
    assertThrows(
        NullPointerException.class, () -> cache.getAll(java.util.Collections.singleton(null)));
  }

  @Test
  void storeByValue_sharesImmutableValues() {
    Cache<String, Object> cache = manager.createCache("immutables", new MutableConfiguration<>());
    String text = new String("text");
    LocalDate date = LocalDate.of(2030, 1, 1);
    Long number = 1_000_000L;
    cache.put("s", text);
    cache.put("d", date);
    cache.put("n", number);
    cache.put("e", Thread.State.RUNNABLE);
    assertSame(text, cache.get("s"));
    assertSame(date, cache.get("d"));
    assertSame(number, cache.get("n"));
    assertSame(Thread.State.RUNNABLE, cache.get("e"));
  }

  @Test
  void storeByValue_copiesMutableValues() {
    Cache<String, List<String>> cache =
        manager.createCache("mutables", new MutableConfiguration<>());
    List<String> list = new ArrayList<>(List.of("a"));
    cache.put("k", list);
    list.add("changed after put");
    List<String> read = cache.get("k");
    assertEquals(List.of("a"), read);
    read.add("changed after get");
    assertEquals(List.of("a"), cache.get("k"));
  }

  @Test
  void storeByValue_unserializableValue_namesCacheAndClass() {
    Cache<String, Object> cache = manager.createCache("strict", new MutableConfiguration<>());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cache.put("k", new Object()));
    assertTrue(e.getMessage().contains("'strict'"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    assertFalse(cache.containsKey("k"), "a rejected value must not be stored");
  }

  @Test
  void storeByReference_keepsTheSameInstance() {
    Cache<String, List<String>> cache =
        manager.createCache(
            "byref", new MutableConfiguration<String, List<String>>().setStoreByValue(false));
    List<String> list = new ArrayList<>();
    cache.put("k", list);
    assertSame(list, cache.get("k"));
    assertTrue(provider.isSupported(javax.cache.configuration.OptionalFeature.STORE_BY_REFERENCE));
  }

  @Test
  void getAll_returnsOnlyPresentKeys() {
    Cache<Integer, String> cache = manager.createCache("bulk", new MutableConfiguration<>());
    cache.putAll(Map.of(1, "one", 2, "two"));
    assertEquals(Map.of(1, "one", 2, "two"), cache.getAll(Set.of(1, 2, 3)));
    cache.removeAll(Set.of(1));
    assertEquals(Map.of(2, "two"), cache.getAll(Set.of(1, 2)));
  }

  @Test
  void invoke_appliesProcessorAtomically() throws Exception {
    Cache<String, Integer> cache = manager.createCache("counter", new MutableConfiguration<>());
    Runnable increment =
        () -> {
          for (int i = 0; i < 1_000; i++) {
            cache.invoke(
                "n",
                (entry, args) -> {
                  entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
                  return null;
                });
          }
        };
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    a.start();
    b.start();
    a.join();
    b.join();
    assertEquals(2_000, cache.get("n"));
  }

  @Test
  void iterator_remove_removesTheEntry() {
    Cache<Integer, Integer> cache = manager.createCache("iter", new MutableConfiguration<>());
    for (int i = 0; i < 600; i++) {
      cache.put(i, i);
    }
    int seen = 0;
    var iterator = cache.iterator();
    while (iterator.hasNext()) {
      iterator.next();
      iterator.remove();
      seen++;
    }
    assertEquals(600, seen);
    assertFalse(cache.iterator().hasNext());
  }

  @Test
  void closingACache_dropsItsInMemoryData_andFreesTheName() {
    Cache<String, String> cache = manager.createCache("reopen", new MutableConfiguration<>());
    cache.put("k", "v");
    cache.close();
    assertNull(manager.getCache("reopen"));
    Cache<String, String> again = manager.createCache("reopen", new MutableConfiguration<>());
    assertNotSame(cache, again);
    assertNull(again.get("k"));
  }
}

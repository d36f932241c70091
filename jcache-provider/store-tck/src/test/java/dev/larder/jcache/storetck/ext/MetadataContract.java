package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.EntryMetadata;
import dev.larder.jcache.ext.ExtendedCache;
import dev.larder.jcache.ext.Page;
import dev.larder.jcache.ext.WriteOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Entry metadata: when and by whom an entry was last written, alone or for a whole partition. */
public abstract class MetadataContract extends ExtensionFixture {

  @Test
  void metadata_ofAPlainPut_hasWhenButNotWho() {
    ExtendedCache<String, String> cache = cache("plain");
    Instant written = clock().instant();
    cache.cache().put("k", "v");
    clock().advance(Duration.ofSeconds(3));

    EntryMetadata<String> metadata = cache.metadata("k").orElseThrow();
    assertEquals("k", metadata.key());
    assertEquals(written, metadata.writtenAt());
    assertNull(metadata.writtenBy());
    assertNull(metadata.expiresAt());
  }

  @Test
  void metadata_ofAWriterView_namesTheWriter_forJCacheWritesToo() {
    ExtendedCache<String, String> cache = cache("writer view");
    ExtendedCache<String, String> billing = cache.as("billing");
    billing.cache().put("put", "v");
    billing.cache().putAll(Map.of("putAll", "v"));
    billing.cache().putIfAbsent("putIfAbsent", "v");
    billing.forTenant("acme").cache().put("tenant", "v");

    for (String key : List.of("put", "putAll", "putIfAbsent")) {
      assertEquals("billing", cache.metadata(key).orElseThrow().writtenBy(), key);
    }
    assertEquals("billing", cache.forTenant("acme").metadata("tenant").orElseThrow().writtenBy());
  }

  @Test
  void metadata_writerPerCall_winsOverTheView() {
    ExtendedCache<String, String> cache = cache("per call");
    cache.as("view").put("k", "v", WriteOptions.by("call"));
    assertEquals("call", cache.metadata("k").orElseThrow().writtenBy());
  }

  @Test
  void metadata_followsTheLatestWrite() {
    ExtendedCache<String, String> cache = cache("latest");
    cache.as("first").cache().put("k", "1");
    clock().advance(Duration.ofSeconds(1));
    Instant second = clock().instant();
    cache.as("second").cache().replace("k", "2");

    EntryMetadata<String> metadata = cache.metadata("k").orElseThrow();
    assertEquals(second, metadata.writtenAt());
    assertEquals("second", metadata.writtenBy());
  }

  @Test
  void metadata_carriesTheExpiry() {
    ExtendedCache<String, String> cache = cache("expiry");
    Instant now = clock().instant();
    cache.put("k", "v", WriteOptions.ttl(Duration.ofSeconds(5)));

    EntryMetadata<String> metadata = cache.metadata("k").orElseThrow();
    assertEquals(now.plusSeconds(5), metadata.expiresAt());
    assertEquals(Set.of(), metadata.indices());
  }

  @Test
  void metadata_ofAbsentOrExpiredEntry_isEmpty() {
    ExtendedCache<String, String> cache = cache("absent");
    assertTrue(cache.metadata("absent").isEmpty());
    cache.putWithTtl("k", "v", Duration.ofSeconds(1));
    clock().advance(Duration.ofSeconds(1));
    assertTrue(cache.metadata("k").isEmpty());
  }

  @Test
  void entries_walkEveryLiveEntryOfThePartitionOnce_inPages() {
    ExtendedCache<String, String> cache = cache("walk");
    for (int i = 0; i < 120; i++) {
      cache.as("w" + i).cache().put("k" + i, "v");
    }
    cache.putWithTtl("expired", "v", Duration.ofSeconds(1));
    cache.forTenant("other").cache().put("other", "v");
    clock().advance(Duration.ofSeconds(1));

    Map<String, EntryMetadata<String>> seen = new HashMap<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      Page<EntryMetadata<String>> page = cache.entries(cursor, 25);
      pageSizes.add(page.items().size());
      for (EntryMetadata<String> metadata : page.items()) {
        assertNull(seen.put(metadata.key(), metadata), "seen twice: " + metadata.key());
      }
      cursor = page.cursor();
    } while (cursor != null);

    assertEquals(120, seen.size(), "pages " + pageSizes);
    for (int i = 0; i < 120; i++) {
      assertEquals("w" + i, seen.get("k" + i).writtenBy());
    }
  }

  @Test
  void entries_withAPageSizeBelowOne_isRefused() {
    ExtendedCache<String, String> cache = cache("page size");
    assertThrows(IllegalArgumentException.class, () -> cache.entries(null, 0));
  }

  @Test
  void emptyWriter_isRefused() {
    ExtendedCache<String, String> cache = cache("empty writer");
    assertThrows(IllegalArgumentException.class, () -> cache.as(""));
    assertThrows(IllegalArgumentException.class, () -> WriteOptions.by(null));
  }
}

package dev.larder.jcache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreSettings;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import dev.larder.testkit.ManualClock;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract does not cover and DynamoDB makes special: writes whose expiry depends on the
 * entry they replace (an {@code UpdateItem} with {@code if_not_exists}), {@code getAndTouch} in one
 * request, keys too long for a sort key, and the native TTL backstop. Embedded DynamoDB Local and a
 * {@link ManualClock}; the store reads no clock itself.
 */
class DynamoDbStoreTest {

  private static final long TTL = 1_000;
  private static DynamoDbLocal dynamo;
  private final ManualClock clock = ManualClock.create();
  private DynamoDbBackend backend;
  private Store store;

  @BeforeAll
  static void start() {
    dynamo = DynamoDbLocal.embedded();
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @BeforeEach
  void open() {
    DynamoDbSettings settings =
        DynamoDbSettings.parse(
            URI.create("dynamodb://larder-store?createTable=true"),
            new Properties(),
            getClass().getClassLoader());
    backend = DynamoDbBackend.open(settings, dynamo.client(), false, "embedded");
    store =
        backend.store(
            new Partition("t", UUID.randomUUID().toString(), "store test"), StoreSettings.DEFAULT);
  }

  @AfterEach
  void close() {
    store.clear();
    backend.close();
  }

  private long now() {
    return clock.millis();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Created-expiry style: a new entry lives TTL, a replaced live entry keeps its expiry. */
  private Write keepingWrite(String value) {
    return new Write(bytes(value), now() + TTL, now(), null, Set.of(), Write.KEEP);
  }

  private StoredEntry given(String key, Write write) {
    store.put(bytes(key), write, Condition.always(), now(), false);
    return store.get(bytes(key));
  }

  @Test
  void put_keepingExpiry_whenAbsent_createsWithTheCreationExpiry() {
    store.put(bytes("k"), keepingWrite("v"), Condition.always(), now(), false);

    assertEquals(now() + TTL, store.get(bytes("k")).expiresAt());
  }

  @Test
  void put_keepingExpiry_whenLive_keepsTheStoredExpiry() {
    StoredEntry old = given("k", Write.of(bytes("old"), now() + 60_000, now()));
    clock.advanceMillis(10);

    WriteResult result =
        store.put(bytes("k"), keepingWrite("new"), Condition.always(), now(), true);

    StoredEntry entry = store.get(bytes("k"));
    assertTrue(result.applied());
    assertEquals(old.version(), result.previous().version());
    assertEquals("new", new String((byte[]) entry.value(), StandardCharsets.UTF_8));
    assertEquals(old.expiresAt(), entry.expiresAt());
    assertNotEquals(old.version(), entry.version());
  }

  @Test
  void put_keepingExpiry_whenExpired_usesTheCreationExpiryAndReportsTheExpiredEntry() {
    StoredEntry old = given("k", Write.of(bytes("old"), now() + 5, now()));
    clock.setMillis(old.expiresAt());

    WriteResult result =
        store.put(bytes("k"), keepingWrite("new"), Condition.always(), now(), true);

    assertTrue(result.applied());
    assertNull(result.previous());
    assertEquals(old.version(), result.expiredPrevious().version());
    assertEquals(now() + TTL, store.get(bytes("k")).expiresAt());
  }

  @Test
  void put_keepingExpiry_ifPresent_whenLive_keepsTheStoredExpiry() {
    StoredEntry old = given("k", Write.of(bytes("old"), now() + 60_000, now()));

    WriteResult result =
        store.put(bytes("k"), keepingWrite("new"), Condition.ifPresent(), now(), false);

    assertTrue(result.applied());
    assertEquals(old.expiresAt(), store.get(bytes("k")).expiresAt());
  }

  @Test
  void put_keepingExpiry_ifPresent_whenAbsent_storesNothing() {
    WriteResult result =
        store.put(bytes("k"), keepingWrite("new"), Condition.ifPresent(), now(), true);

    assertFalse(result.applied());
    assertNull(store.get(bytes("k")));
  }

  @Test
  void put_keepingExpiry_ifVersion_whenStale_storesNothing() {
    StoredEntry first = given("k", Write.of(bytes("first"), now() + 60_000, now()));
    StoredEntry second = given("k", Write.of(bytes("second"), now() + 60_000, now()));

    WriteResult result =
        store.put(
            bytes("k"), keepingWrite("new"), Condition.ifVersion(first.version()), now(), true);

    assertFalse(result.applied());
    assertEquals(second.version(), store.get(bytes("k")).version());
  }

  @Test
  void putAll_keepingExpiry_keepsLiveExpiriesAndCreatesTheRest() {
    StoredEntry live = given("live", Write.of(bytes("old"), now() + 60_000, now()));

    store.putAll(
        List.of(bytes("live"), bytes("new")), List.of(keepingWrite("a"), keepingWrite("b")));

    assertEquals(live.expiresAt(), store.get(bytes("live")).expiresAt());
    assertEquals(now() + TTL, store.get(bytes("new")).expiresAt());
  }

  @Test
  void getAndTouch_whenLive_returnsTheEntryAsReadAndSetsTheExpiry() {
    StoredEntry old = given("k", Write.of(bytes("v"), now() + 10, now()));

    StoredEntry read = store.getAndTouch(bytes("k"), now(), now() + 60_000);

    assertEquals(old.expiresAt(), read.expiresAt());
    StoredEntry touched = store.get(bytes("k"));
    assertEquals(now() + 60_000, touched.expiresAt());
    assertEquals(old.version(), touched.version());
  }

  @Test
  void getAndTouch_whenExpired_returnsItUntouched() {
    StoredEntry old = given("k", Write.of(bytes("v"), now() + 10, now()));
    clock.setMillis(old.expiresAt());

    StoredEntry read = store.getAndTouch(bytes("k"), now(), now() + 60_000);

    assertEquals(old.expiresAt(), read.expiresAt());
    assertEquals(old.expiresAt(), store.get(bytes("k")).expiresAt());
  }

  @Test
  void getAndTouch_whenAbsent_returnsNullAndCreatesNothing() {
    assertNull(store.getAndTouch(bytes("k"), now(), now() + 60_000));
    assertNull(store.get(bytes("k")));
  }

  @Test
  void keys_longerThanASortKey_areStoredHashedAndWalkedWhole() {
    byte[] longKey = new byte[5_000];
    Arrays.fill(longKey, (byte) 'x');
    byte[] otherLongKey = longKey.clone();
    otherLongKey[4_999] = 'y';

    Write a = Write.of(bytes("a"), StoredEntry.ETERNAL, now());
    Write b = Write.of(bytes("b"), StoredEntry.ETERNAL, now());
    store.put(longKey, a, Condition.always(), now(), false);
    store.put(otherLongKey, b, Condition.always(), now(), false);

    assertEquals("a", new String((byte[]) store.get(longKey).value(), StandardCharsets.UTF_8));
    assertEquals("b", new String((byte[]) store.get(otherLongKey).value(), StandardCharsets.UTF_8));
    List<Object> walked = walkAll();
    assertEquals(2, walked.size());
    assertTrue(walked.stream().anyMatch(k -> Arrays.equals((byte[]) k, longKey)));
    assertTrue(walked.stream().anyMatch(k -> Arrays.equals((byte[]) k, otherLongKey)));
  }

  private List<Object> walkAll() {
    List<Object> all = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page = store.keys(cursor, 100);
      all.addAll(page.keys());
      cursor = page.cursor();
    } while (cursor != null);
    return all;
  }

  @Test
  void nativeTtl_isABackstopAfterTheExpiry() {
    Items items = backend.items();
    long expiresAt = 1_700_000_000_001L;

    assertEquals(
        1_700_000_001L + DynamoDbSettings.DEFAULT_TTL_GRACE_SECONDS, items.ttlOf(expiresAt));
    assertEquals(Items.NEVER_SECONDS, items.ttlOf(StoredEntry.ETERNAL));
    assertNotNull(store.partition());
  }
}

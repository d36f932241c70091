package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk reads and writes of one partition: {@code BatchGetItem} with up to 100 distinct keys and
 * {@code BatchWriteItem} with up to 25 items per request (DynamoDB's limits; both reject duplicate
 * keys, so keys are de-duplicated first). Keys and items that DynamoDB leaves unprocessed
 * (throttling, the 16 MB response limit) are retried with exponential backoff and jitter; when they
 * stay unprocessed a {@link StoreException} names the table and the operation. Not atomic across
 * keys.
 */
final class Batches {

  static final int READ_BATCH = 100;
  static final int WRITE_BATCH = 25;
  private static final int MAX_ROUNDS = 12;
  private static final long BASE_BACKOFF_MILLIS = 20;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final DynamoDbBackend backend;
  private final DynamoDbClient client;
  private final String table;
  private final String cache;

  Batches(DynamoDbBackend backend, String cache) {
    this.backend = backend;
    this.client = backend.client();
    this.table = backend.settings().table();
    this.cache = cache;
  }

  /** Entries aligned with the targets, null where nothing is stored. */
  List<StoredEntry> getAll(List<Target> targets) {
    Map<ByteBuffer, Target> distinct = new LinkedHashMap<>();
    targets.forEach(target -> distinct.putIfAbsent(target.identity(), target));
    Map<ByteBuffer, StoredEntry> found = new HashMap<>();
    List<Target> unique = new ArrayList<>(distinct.values());
    for (int from = 0; from < unique.size(); from += READ_BATCH) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (Target target : unique.subList(from, Math.min(unique.size(), from + READ_BATCH))) {
        keys.add(target.primaryKey());
      }
      read(keys, found);
    }
    List<StoredEntry> entries = new ArrayList<>(targets.size());
    targets.forEach(target -> entries.add(found.get(target.identity())));
    return entries;
  }

  private void read(List<Map<String, AttributeValue>> keys, Map<ByteBuffer, StoredEntry> found) {
    KeysAndAttributes pending =
        KeysAndAttributes.builder()
            .keys(keys)
            .consistentRead(backend.settings().consistentReads())
            .build();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      KeysAndAttributes request = pending;
      BatchGetItemResponse response;
      try {
        response = client.batchGetItem(b -> b.requestItems(Map.of(table, request)));
      } catch (SdkException e) {
        throw backend.failures().translate(e, "BatchGetItem", cache);
      }
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        byte[] sk = item.get(Items.SK).b().asByteArray();
        found.put(ByteBuffer.wrap(sk), backend.items().entry(item));
      }
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
      if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
        return;
      }
      pending = unprocessed;
      backOff(round, "BatchGetItem");
    }
    throw unprocessed("BatchGetItem", pending.keys().size());
  }

  /**
   * Stores every write; a key given twice keeps its last write. {@code BatchWriteItem} only
   * replaces whole items, so writes whose expiry depends on the entry they replace cost one {@code
   * BatchGetItem} per 100 keys first (not atomic with the write; the value always is).
   */
  void putAll(List<Target> targets, List<Write> writes) {
    boolean readFirst = writes.stream().anyMatch(Write::dependsOnCurrent);
    List<StoredEntry> current = readFirst ? getAll(targets) : null;
    Map<ByteBuffer, WriteRequest> requests = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      Write write = writes.get(i);
      long expiresAt = write.expiresAt();
      if (readFirst) {
        StoredEntry entry = current.get(i);
        expiresAt =
            write.expiryReplacing(
                entry == null || entry.isExpiredAt(write.writtenAt()) ? null : entry);
      }
      Map<String, AttributeValue> item =
          backend
              .items()
              .item(
                  target.pk(), target.sk(), target.key(), write, expiresAt, write.version(), cache);
      requests.put(target.identity(), WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    write(new ArrayList<>(requests.values()));
  }

  void removeAll(List<Target> targets) {
    Map<ByteBuffer, WriteRequest> requests = new LinkedHashMap<>();
    for (Target target : targets) {
      requests.put(target.identity(), delete(target.primaryKey()));
    }
    write(new ArrayList<>(requests.values()));
  }

  /** Deletes items by primary key (distinct keys expected). */
  void deleteKeys(List<Map<String, AttributeValue>> keys) {
    List<WriteRequest> requests = new ArrayList<>(keys.size());
    keys.forEach(key -> requests.add(delete(key)));
    write(requests);
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
  }

  void write(List<WriteRequest> requests) {
    for (int from = 0; from < requests.size(); from += WRITE_BATCH) {
      List<WriteRequest> pending =
          new ArrayList<>(requests.subList(from, Math.min(requests.size(), from + WRITE_BATCH)));
      for (int round = 0; ; round++) {
        List<WriteRequest> batch = pending;
        BatchWriteItemResponse response;
        try {
          response = client.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        } catch (SdkException e) {
          throw backend.failures().translate(e, "BatchWriteItem", cache);
        }
        pending = response.unprocessedItems().getOrDefault(table, List.of());
        if (pending.isEmpty()) {
          break;
        }
        if (round + 1 >= MAX_ROUNDS) {
          throw unprocessed("BatchWriteItem", pending.size());
        }
        backOff(round, "BatchWriteItem");
      }
    }
  }

  private void backOff(int round, String operation) {
    long ceiling = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(round, 20));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "interrupted while retrying " + operation + " on DynamoDB table '" + table + "'", e);
    }
  }

  private StoreException unprocessed(String operation, int left) {
    return new StoreException(
        "LARDER-504: DynamoDB "
            + operation
            + " on table '"
            + table
            + "' for cache '"
            + cache
            + "' left "
            + left
            + " items unprocessed after "
            + MAX_ROUNDS
            + " rounds of backoff (throttled); raise the table's capacity or switch it to"
            + " on-demand billing");
  }
}

package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.StoreException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Walks and clears one partition with {@code Query}s on its bucket partition keys, never a {@code
 * Scan}. A key page continues one bucket; the cursor is {@code bucket} or {@code
 * bucket:base64url(last sort key)}. Clearing queries every bucket in parallel on the backend's pool
 * and deletes what it finds with {@code BatchWriteItem}.
 */
final class PartitionWalker {

  private static final int CLEAR_PAGE = 1_000;

  private final DynamoDbStore store;
  private final DynamoDbBackend backend;

  PartitionWalker(DynamoDbStore store, DynamoDbBackend backend) {
    this.store = store;
    this.backend = backend;
  }

  KeyPage page(String cursor, int pageSize) {
    int bucket = 0;
    byte[] after = null;
    if (cursor != null) {
      try {
        int colon = cursor.indexOf(':');
        bucket = Integer.parseInt(colon < 0 ? cursor : cursor.substring(0, colon));
        if (colon >= 0) {
          after = Base64.getUrlDecoder().decode(cursor.substring(colon + 1));
        }
      } catch (IllegalArgumentException e) {
        bucket = -1;
      }
      if (bucket < 0 || bucket >= backend.layout().buckets()) {
        throw new StoreException(
            "DynamoDB store of cache '"
                + store.partition().cache()
                + "' got a key cursor it never issued; start the walk with a null cursor");
      }
    }
    String pk = backend.layout().partitionKey(store.prefix(), bucket);
    QueryResponse response =
        query(pk, after, Math.max(1, Math.min(pageSize, CLEAR_PAGE)), "#sk, #k", false);
    List<Object> keys = new ArrayList<>(response.count());
    for (Map<String, AttributeValue> item : response.items()) {
      keys.add(backend.items().keyOf(item));
    }
    String next;
    if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      byte[] last = response.lastEvaluatedKey().get(Items.SK).b().asByteArray();
      next = bucket + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(last);
    } else {
      next = bucket + 1 < backend.layout().buckets() ? Integer.toString(bucket + 1) : null;
    }
    return new KeyPage(keys, next);
  }

  void clear() {
    List<Future<?>> buckets = new ArrayList<>();
    for (int bucket = 0; bucket < backend.layout().buckets(); bucket++) {
      String pk = backend.layout().partitionKey(store.prefix(), bucket);
      buckets.add(backend.executor().submit(() -> clearBucket(pk)));
    }
    StoreException failure = null;
    for (Future<?> bucket : buckets) {
      try {
        bucket.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof StoreException store
                  ? store
                  : new StoreException("clearing a DynamoDB partition failed: " + e.getCause(), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while clearing a DynamoDB partition", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void clearBucket(String pk) {
    Batches batches = new Batches(backend, store.partition().cache());
    byte[] after = null;
    do {
      QueryResponse response = query(pk, after, CLEAR_PAGE, "#pk, #sk", true);
      List<Map<String, AttributeValue>> keys = new ArrayList<>(response.count());
      for (Map<String, AttributeValue> item : response.items()) {
        keys.add(Items.key(pk, item.get(Items.SK).b().asByteArray()));
      }
      batches.deleteKeys(keys);
      after =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey().get(Items.SK).b().asByteArray()
              : null;
    } while (after != null);
  }

  private QueryResponse query(
      String pk, byte[] after, int limit, String projection, boolean withPk) {
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(backend.settings().table())
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
            .projectionExpression(projection)
            .limit(limit)
            .consistentRead(backend.settings().consistentReads());
    request.expressionAttributeNames(
        withPk
            ? Map.of("#pk", Items.PK, "#sk", Items.SK)
            : Map.of("#pk", Items.PK, "#sk", Items.SK, "#k", Items.KEY));
    if (after != null) {
      request.exclusiveStartKey(
          Map.of(
              Items.PK,
              AttributeValue.fromS(pk),
              Items.SK,
              AttributeValue.fromB(SdkBytes.fromByteArray(after))));
    }
    try {
      return backend.client().query(request.build());
    } catch (SdkException e) {
      throw backend.failures().translate(e, "Query", store.partition().cache());
    }
  }
}

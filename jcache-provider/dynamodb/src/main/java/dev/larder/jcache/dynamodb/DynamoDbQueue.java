package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A queue as items of one partition key, {@code QUEUE|} and the queue's partition prefix ({@link
 * KeyLayout#partitionPrefix}): a counter item (sort key {@code 'C'}, attribute {@code tail}) hands
 * out sequence numbers, and each item is stored under sort key {@code 'I'} and its sequence number
 * (8 bytes, big-endian, so the table keeps them in push order), value in {@code v}.
 *
 * <p>Push is two requests: {@code UpdateItem ADD} on the counter, then {@code PutItem}. Pop reads
 * the head with a consistent {@code Query} (limit 1) and takes it with a {@code DeleteItem}
 * conditional on the item still existing: of all the JVMs that race for one item, exactly one
 * delete succeeds, and only it returns the item. Losers read the next head. Items pushed
 * concurrently come out in the order of their sequence numbers. A waiting pop polls with a short
 * randomized back-off. {@code size} counts with a {@code Query} (it reads the whole queue). One
 * queue is one DynamoDB partition key: thousands of operations a second, not more. Thread-safe.
 */
final class DynamoDbQueue implements QueueStore {

  private static final byte[] COUNTER = {'C'};
  private static final AttributeValue ITEM_PREFIX =
      AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {'I'}));
  private static final long MAX_BACKOFF_MILLIS = 50;

  private final Partition partition;
  private final DynamoDbBackend backend;
  private final DynamoDbClient client;
  private final String table;
  private final String pk;
  private final String what;

  DynamoDbQueue(Partition partition, DynamoDbBackend backend) {
    this.partition = partition;
    this.backend = backend;
    this.client = backend.client();
    this.table = backend.settings().table();
    this.pk = "QUEUE|" + backend.layout().partitionPrefix(partition);
    this.what = "queue '" + partition.cache() + "'";
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public void push(byte[] item) {
    Map<String, AttributeValue> counter =
        call(
            "UpdateItem",
            () ->
                client
                    .updateItem(
                        b ->
                            b.tableName(table)
                                .key(Items.key(pk, COUNTER))
                                .updateExpression("ADD tail :one")
                                .expressionAttributeValues(
                                    Map.of(":one", AttributeValue.fromN("1")))
                                .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes());
    long sequence = Long.parseLong(counter.get("tail").n());
    Map<String, AttributeValue> record = Items.key(pk, sortKey(sequence));
    record.put("v", AttributeValue.fromB(SdkBytes.fromByteArray(item)));
    call("PutItem", () -> client.putItem(b -> b.tableName(table).item(record)));
  }

  @Override
  public byte[] pop(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    long backoff = 1;
    while (true) {
      Map<String, AttributeValue> head = head();
      if (head != null) {
        byte[] taken = take(head);
        if (taken != null) {
          return taken;
        }
        continue; // another popper took it: read the next head at once
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return null;
      }
      long pause = ThreadLocalRandom.current().nextLong(1, backoff + 1);
      LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
      backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }
  }

  /** Deletes the item if it is still there; returns its value only to the one who deleted it. */
  private byte[] take(Map<String, AttributeValue> head) {
    Map<String, AttributeValue> key = Map.of("pk", head.get("pk"), "sk", head.get("sk"));
    try {
      Map<String, AttributeValue> old =
          call(
              "DeleteItem",
              () ->
                  client
                      .deleteItem(
                          b ->
                              b.tableName(table)
                                  .key(key)
                                  .conditionExpression("attribute_exists(sk)")
                                  .returnValues(ReturnValue.ALL_OLD))
                      .attributes());
      return old.get("v").b().asByteArray();
    } catch (ConditionalCheckFailedException e) {
      return null;
    }
  }

  @Override
  public byte[] peek() {
    Map<String, AttributeValue> head = head();
    return head == null ? null : head.get("v").b().asByteArray();
  }

  /** The first item, read consistently, or null. */
  private Map<String, AttributeValue> head() {
    QueryResponse response =
        call(
            "Query",
            () ->
                client.query(
                    b ->
                        b.tableName(table)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :i)")
                            .expressionAttributeValues(
                                Map.of(":pk", AttributeValue.fromS(pk), ":i", ITEM_PREFIX))
                            .consistentRead(true)
                            .limit(1)));
    List<Map<String, AttributeValue>> items = response.items();
    return items.isEmpty() ? null : items.get(0);
  }

  @Override
  public long size() {
    long count = 0;
    Map<String, AttributeValue> from = null;
    do {
      Map<String, AttributeValue> start = from;
      QueryResponse page =
          call(
              "Query",
              () ->
                  client.query(
                      b ->
                          b.tableName(table)
                              .keyConditionExpression("pk = :pk AND begins_with(sk, :i)")
                              .expressionAttributeValues(
                                  Map.of(":pk", AttributeValue.fromS(pk), ":i", ITEM_PREFIX))
                              .consistentRead(true)
                              .select(Select.COUNT)
                              .exclusiveStartKey(start)));
      count += page.count();
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (from != null);
    return count;
  }

  @Override
  public void clear() {
    Map<String, AttributeValue> head;
    while ((head = head()) != null) {
      take(head);
    }
  }

  private static byte[] sortKey(long sequence) {
    return ByteBuffer.allocate(9).put((byte) 'I').putLong(sequence).array();
  }

  private <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw backend.failures().translate(e, operation, what);
    }
  }
}

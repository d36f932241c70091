package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A lease as one item of the table: partition key {@code LOCK|} and the lock's partition prefix
 * ({@link KeyLayout#partitionPrefix}, so any name is legal and no entry's key looks like it), sort
 * key {@code 'L'}, attributes {@code holder} (the holder's token), {@code lexp} (lease expiry,
 * epoch ms) and {@code fence} (the fencing counter, never removed).
 *
 * <p>Taking the lease is one conditional {@code UpdateItem} (free, or its lease ran out) that also
 * {@code ADD}s one to the fence and returns it, so tokens grow with every acquisition; release and
 * extend are {@code UpdateItem}s conditional on the caller still holding it. DynamoDB has no server
 * clock, so lease expiry is judged by the wall clocks of the JVMs involved: keep them synchronized
 * (NTP), and let the fencing token protect against the rest. Thread-safe.
 */
final class DynamoDbLock implements LockStore {

  private static final byte[] SORT_KEY = {'L'};
  private static final Map<String, String> NAMES =
      Map.of("#h", "holder", "#e", "lexp", "#f", "fence");

  private final Partition partition;
  private final DynamoDbBackend backend;
  private final DynamoDbClient client;
  private final String table;
  private final Map<String, AttributeValue> key;
  private final String what;

  DynamoDbLock(Partition partition, DynamoDbBackend backend) {
    this.partition = partition;
    this.backend = backend;
    this.client = backend.client();
    this.table = backend.settings().table();
    this.key = Items.key("LOCK|" + backend.layout().partitionPrefix(partition), SORT_KEY);
    this.what = "lock '" + partition.cache() + "'";
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public long tryAcquire(String holder, long ttlMillis) {
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> values = values(holder, now);
    values.put(":e", number(now + ttlMillis));
    values.put(":one", number(1));
    try {
      Map<String, AttributeValue> updated =
          call(
              () ->
                  client
                      .updateItem(
                          b ->
                              b.tableName(table)
                                  .key(key)
                                  .updateExpression("SET #h = :h, #e = :e ADD #f :one")
                                  .conditionExpression("attribute_not_exists(#h) OR #e <= :now")
                                  .expressionAttributeNames(NAMES)
                                  .expressionAttributeValues(values)
                                  .returnValues(ReturnValue.UPDATED_NEW))
                      .attributes());
      return Long.parseLong(updated.get("fence").n());
    } catch (ConditionalCheckFailedException e) {
      return 0;
    }
  }

  @Override
  public boolean release(String holder) {
    return ifHeld(holder, "REMOVE #h, #e", values(holder, System.currentTimeMillis()));
  }

  @Override
  public boolean extend(String holder, long ttlMillis) {
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> values = values(holder, now);
    values.put(":e", number(now + ttlMillis));
    return ifHeld(holder, "SET #e = :e", values);
  }

  @Override
  public boolean isHeldBy(String holder) {
    Map<String, AttributeValue> item =
        call(() -> client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item());
    return item != null
        && item.containsKey("holder")
        && holder.equals(item.get("holder").s())
        && Long.parseLong(item.get("lexp").n()) > System.currentTimeMillis();
  }

  private boolean ifHeld(String holder, String update, Map<String, AttributeValue> values) {
    try {
      call(
          () ->
              client.updateItem(
                  b ->
                      b.tableName(table)
                          .key(key)
                          .updateExpression(update)
                          .conditionExpression("#h = :h AND #e > :now")
                          .expressionAttributeNames(names(update))
                          .expressionAttributeValues(values)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The attribute names an expression pair uses (DynamoDB rejects unused ones). */
  private static Map<String, String> names(String update) {
    Map<String, String> names = new HashMap<>(NAMES);
    if (!update.contains("#f")) {
      names.remove("#f");
    }
    return names;
  }

  private static Map<String, AttributeValue> values(String holder, long now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":h", AttributeValue.fromS(holder));
    values.put(":now", number(now));
    return values;
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw backend.failures().translate(e, "UpdateItem", what);
    }
  }
}

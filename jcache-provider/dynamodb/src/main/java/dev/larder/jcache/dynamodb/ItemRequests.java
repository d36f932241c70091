package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The single-item requests of one partition, each one round trip: {@code GetItem}, {@code PutItem},
 * {@code UpdateItem} and {@code DeleteItem}, conditional, returning the previous item when asked.
 * Translates SDK failures into store exceptions. Thread-safe.
 */
final class ItemRequests {

  private static final ReturnValuesOnConditionCheckFailure ALL_OLD_ON_FAILURE =
      ReturnValuesOnConditionCheckFailure.ALL_OLD;

  private final DynamoDbBackend backend;
  private final DynamoDbClient client;
  private final Items items;
  private final String table;
  private final String cache;

  ItemRequests(DynamoDbBackend backend, String cache) {
    this.backend = backend;
    this.client = backend.client();
    this.items = backend.items();
    this.table = backend.settings().table();
    this.cache = cache;
  }

  StoredEntry get(Target target) {
    Map<String, AttributeValue> item;
    try {
      item =
          client
              .getItem(
                  b ->
                      b.tableName(table)
                          .key(target.primaryKey())
                          .consistentRead(backend.settings().consistentReads()))
              .item();
    } catch (SdkException e) {
      throw backend.failures().translate(e, "GetItem", cache);
    }
    return entryOf(item);
  }

  /** Replaces the whole item with {@code write}, expiring at {@code expiresAt}. */
  Outcome put(
      Target target,
      Write write,
      long expiresAt,
      Conditions condition,
      boolean oldOnSuccess,
      boolean oldOnFailure) {
    Map<String, AttributeValue> item =
        items.item(
            target.pk(), target.sk(), target.key(), write, expiresAt, write.version(), cache);
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(table)
            .item(item)
            .conditionExpression(condition.expression())
            .expressionAttributeNames(condition.namesOrNull())
            .expressionAttributeValues(condition.valuesOrNull())
            .returnValues(oldOnSuccess ? ReturnValue.ALL_OLD : null)
            .returnValuesOnConditionCheckFailure(ALL_OLD_ON_FAILURE)
            .build();
    return send(
        () -> client.putItem(request).attributes(),
        oldOnSuccess,
        oldOnFailure,
        write.version(),
        e -> writeFailure(e, "PutItem", write));
  }

  /**
   * Writes value and metadata into the existing item (or creates it, when the condition allows an
   * absent item) with a new version; the expiry becomes {@code expiresAt}, or with {@link
   * Write#KEEP} stays as stored ({@code createdExpiresAt} for an item this creates).
   */
  Outcome update(
      Target target,
      Write write,
      long expiresAt,
      long createdExpiresAt,
      Conditions condition,
      boolean oldOnSuccess,
      boolean oldOnFailure) {
    long stored = expiresAt == Write.KEEP ? createdExpiresAt : expiresAt;
    Map<String, AttributeValue> item =
        items.item(target.pk(), target.sk(), target.key(), write, stored, write.version(), cache);
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder set = new StringBuilder();
    StringBuilder remove = new StringBuilder();
    for (String attribute :
        new String[] {
          Items.VALUE, Items.VERSION, Items.WRITTEN_AT, Items.WRITTEN_BY, Items.TAGS, Items.KEY
        }) {
      AttributeValue value = item.get(attribute);
      if (value != null) {
        assign(set, names, values, attribute, "%s", value);
      } else if (!attribute.equals(Items.KEY)) {
        names.put("#" + attribute, attribute);
        remove.append(remove.length() == 0 ? " REMOVE " : ", ").append('#').append(attribute);
      }
    }
    boolean keep = expiresAt == Write.KEEP;
    assign(
        set,
        names,
        values,
        Items.EXPIRES,
        keep ? "if_not_exists(#" + Items.EXPIRES + ", %s)" : "%s",
        item.get(Items.EXPIRES));
    assign(
        set,
        names,
        values,
        Items.TTL,
        keep ? "if_not_exists(#" + Items.TTL + ", %s)" : "%s",
        item.get(Items.TTL));
    Conditions all = condition.with(names, values);
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(target.primaryKey())
            .updateExpression("SET " + set + remove)
            .conditionExpression(all.expression())
            .expressionAttributeNames(all.names())
            .expressionAttributeValues(all.values())
            .returnValues(oldOnSuccess ? ReturnValue.ALL_OLD : null)
            .returnValuesOnConditionCheckFailure(ALL_OLD_ON_FAILURE)
            .build();
    return send(
        () -> client.updateItem(request).attributes(),
        oldOnSuccess,
        oldOnFailure,
        write.version(),
        e -> writeFailure(e, "UpdateItem", write));
  }

  private static void assign(
      StringBuilder set,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      String attribute,
      String form,
      AttributeValue value) {
    names.put("#" + attribute, attribute);
    values.put(":" + attribute, value);
    if (set.length() > 0) {
      set.append(", ");
    }
    set.append('#').append(attribute).append(" = ").append(String.format(form, ":" + attribute));
  }

  Outcome delete(Target target, Conditions condition, boolean oldOnSuccess, boolean oldOnFailure) {
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(table)
            .key(target.primaryKey())
            .conditionExpression(condition.expression())
            .expressionAttributeNames(condition.namesOrNull())
            .expressionAttributeValues(condition.valuesOrNull())
            .returnValues(oldOnSuccess ? ReturnValue.ALL_OLD : null)
            .returnValuesOnConditionCheckFailure(oldOnFailure ? ALL_OLD_ON_FAILURE : null)
            .build();
    return send(
        () -> client.deleteItem(request).attributes(),
        oldOnSuccess,
        oldOnFailure,
        0,
        e -> backend.failures().translate(e, "DeleteItem", cache));
  }

  /**
   * Sets only the expiry (and the native TTL with it) where {@code condition} holds, leaving value,
   * version and metadata alone.
   */
  Outcome setExpiry(
      Target target,
      long expiresAt,
      Conditions condition,
      boolean oldOnSuccess,
      boolean oldOnFailure) {
    Conditions all =
        condition.with(
            Map.of("#exp", Items.EXPIRES, "#ttl", Items.TTL),
            Map.of(":exp", Items.expiry(expiresAt), ":ttl", Items.number(items.ttlOf(expiresAt))));
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(target.primaryKey())
            .updateExpression("SET #exp = :exp, #ttl = :ttl")
            .conditionExpression(all.expression())
            .expressionAttributeNames(all.names())
            .expressionAttributeValues(all.values())
            .returnValues(oldOnSuccess ? ReturnValue.ALL_OLD : null)
            .returnValuesOnConditionCheckFailure(oldOnFailure ? ALL_OLD_ON_FAILURE : null)
            .build();
    return send(
        () -> client.updateItem(request).attributes(),
        oldOnSuccess,
        oldOnFailure,
        0,
        e -> backend.failures().translate(e, "UpdateItem", cache));
  }

  /**
   * Sends one conditional write: applied with the old item when asked for it, or not applied (a
   * failed condition) with the current item when asked for that; other failures via {@code
   * failure}.
   *
   * <p>A write of {@code ownVersion} (0 for requests that store no version) that finds that version
   * stored is a retry of itself: the SDK sent it again after a reply was lost (a 500, a timeout)
   * and the first attempt had applied. It counts as applied, with what it replaced unknown (null).
   */
  private Outcome send(
      Supplier<Map<String, AttributeValue>> call,
      boolean oldOnSuccess,
      boolean oldOnFailure,
      long ownVersion,
      Function<SdkException, RuntimeException> failure) {
    try {
      Map<String, AttributeValue> old = call.get();
      StoredEntry previous = oldOnSuccess ? entryOf(old) : null;
      if (ownVersion != 0 && previous != null && previous.version() == ownVersion) {
        return Outcome.REPLAYED;
      }
      return new Outcome(true, previous);
    } catch (ConditionalCheckFailedException e) {
      StoredEntry current = e.hasItem() ? entryOf(e.item()) : null;
      if (ownVersion != 0 && current != null && current.version() == ownVersion) {
        return Outcome.REPLAYED;
      }
      return new Outcome(false, oldOnFailure ? current : null);
    } catch (SdkException e) {
      throw failure.apply(e);
    }
  }

  private RuntimeException writeFailure(SdkException e, String operation, Write write) {
    if (e instanceof DynamoDbException
        && String.valueOf(e.getMessage()).contains("Item size has exceeded")) {
      return items.tooLarge(cache, Items.bytes(write.value(), "value").length, -1);
    }
    return backend.failures().translate(e, operation, cache);
  }

  private StoredEntry entryOf(Map<String, AttributeValue> item) {
    return item == null || item.isEmpty() ? null : items.entry(item);
  }
}

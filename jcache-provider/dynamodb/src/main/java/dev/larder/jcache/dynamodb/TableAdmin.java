package dev.larder.jcache.dynamodb;

import java.util.List;
import java.util.Map;
import javax.cache.CacheException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Checks (or creates) the table when a backend opens, and reads the table's bucket count from its
 * meta item, writing it on first use. Costs one DescribeTable and one GetItem per opened backend.
 */
final class TableAdmin {

  static final String HOW_TO_CREATE =
      "create it with `aws dynamodb create-table --table-name TABLE"
          + " --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=B"
          + " --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE"
          + " --billing-mode PAY_PER_REQUEST` and `aws dynamodb update-time-to-live --table-name TABLE"
          + " --time-to-live-specification Enabled=true,AttributeName=ttl`, or add createTable=true"
          + " to the URI (see docs/backends/dynamodb.md)";

  private static final long ACTIVE_TIMEOUT_MILLIS = 120_000;

  private final DynamoDbClient client;
  private final DynamoDbSettings settings;
  private final String where;

  TableAdmin(DynamoDbClient client, DynamoDbSettings settings, String where) {
    this.client = client;
    this.settings = settings;
    this.where = where;
  }

  /** Makes sure the table exists with Larder's key schema; returns its bucket count. */
  int prepare() {
    try {
      TableDescription table = describe();
      if (table == null) {
        if (!settings.createTable()) {
          throw new CacheException(
              "LARDER-502: DynamoDB table '"
                  + settings.table()
                  + "' does not exist ("
                  + where
                  + "); "
                  + HOW_TO_CREATE.replace("TABLE", settings.table()));
        }
        table = create();
      }
      validate(table);
      return buckets();
    } catch (SdkException e) {
      throw new CacheException(
          "LARDER-505: preparing DynamoDB table '"
              + settings.table()
              + "' ("
              + where
              + ") failed: "
              + e.getMessage(),
          e);
    }
  }

  private TableDescription describe() {
    try {
      return client.describeTable(b -> b.tableName(settings.table())).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private TableDescription create() {
    try {
      client.createTable(
          b ->
              b.tableName(settings.table())
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(Items.PK)
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName(Items.SK)
                          .attributeType(ScalarAttributeType.B)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName(Items.PK)
                          .keyType(KeyType.HASH)
                          .build(),
                      KeySchemaElement.builder()
                          .attributeName(Items.SK)
                          .keyType(KeyType.RANGE)
                          .build()));
    } catch (ResourceInUseException e) {
      // another client created it at the same moment: wait for it like for our own
    }
    TableDescription table = awaitActive();
    try {
      client.updateTimeToLive(
          b ->
              b.tableName(settings.table())
                  .timeToLiveSpecification(t -> t.enabled(true).attributeName(Items.TTL)));
    } catch (SdkException e) {
      if (!String.valueOf(e.getMessage()).contains("already enabled")) {
        throw e;
      }
    }
    return table;
  }

  private TableDescription awaitActive() {
    long deadline = System.currentTimeMillis() + ACTIVE_TIMEOUT_MILLIS;
    while (true) {
      TableDescription table = describe();
      if (table != null && table.tableStatus() == TableStatus.ACTIVE) {
        return table;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new CacheException(
            "LARDER-502: DynamoDB table '"
                + settings.table()
                + "' did not become ACTIVE within "
                + ACTIVE_TIMEOUT_MILLIS / 1000
                + " s after creating it ("
                + where
                + ")");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CacheException("interrupted while waiting for table " + settings.table(), e);
      }
    }
  }

  private void validate(TableDescription table) {
    boolean keysFit =
        table.keySchema().size() == 2
            && has(table.keySchema(), Items.PK, KeyType.HASH)
            && has(table.keySchema(), Items.SK, KeyType.RANGE)
            && type(table.attributeDefinitions(), Items.PK) == ScalarAttributeType.S
            && type(table.attributeDefinitions(), Items.SK) == ScalarAttributeType.B;
    if (!keysFit) {
      throw new CacheException(
          "LARDER-502: DynamoDB table '"
              + settings.table()
              + "' ("
              + where
              + ") has key schema "
              + table.keySchema()
              + " with attributes "
              + table.attributeDefinitions()
              + ", but Larder needs partition key pk (S) and sort key sk (B). Use another table"
              + " name, or "
              + HOW_TO_CREATE.replace("TABLE", settings.table()));
    }
  }

  private static boolean has(List<KeySchemaElement> schema, String name, KeyType type) {
    return schema.stream().anyMatch(k -> k.attributeName().equals(name) && k.keyType() == type);
  }

  private static ScalarAttributeType type(List<AttributeDefinition> definitions, String name) {
    return definitions.stream()
        .filter(d -> d.attributeName().equals(name))
        .map(AttributeDefinition::attributeType)
        .findFirst()
        .orElse(null);
  }

  /** The table's bucket count: recorded by the first backend that used the table. */
  private int buckets() {
    Map<String, AttributeValue> key = Items.key(KeyLayout.META_PK, KeyLayout.META_SK);
    int wanted = settings.buckets() == 0 ? KeyLayout.DEFAULT_BUCKETS : settings.buckets();
    for (int attempt = 0; attempt < 3; attempt++) {
      Map<String, AttributeValue> meta =
          client.getItem(b -> b.tableName(settings.table()).key(key).consistentRead(true)).item();
      if (meta != null && !meta.isEmpty()) {
        return recorded(meta);
      }
      Map<String, AttributeValue> item = new java.util.HashMap<>(key);
      item.put("buckets", Items.number(wanted));
      item.put("layout", Items.number(1));
      try {
        client.putItem(
            b ->
                b.tableName(settings.table())
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        return wanted;
      } catch (ConditionalCheckFailedException raced) {
        // another backend recorded it first: read theirs
      }
    }
    throw new CacheException(
        "LARDER-502: could not read or record the layout of DynamoDB table '"
            + settings.table()
            + "'");
  }

  private int recorded(Map<String, AttributeValue> meta) {
    AttributeValue value = meta.get("buckets");
    int buckets;
    try {
      buckets = Integer.parseInt(value.n());
    } catch (RuntimeException e) {
      throw new CacheException(
          "LARDER-506: the meta item (pk '"
              + KeyLayout.META_PK
              + "') of DynamoDB table '"
              + settings.table()
              + "' was not written by Larder; the table must be Larder's alone");
    }
    if (settings.buckets() != 0 && settings.buckets() != buckets) {
      throw new CacheException(
          "LARDER-507: the URI asks for buckets="
              + settings.buckets()
              + " but DynamoDB table '"
              + settings.table()
              + "' was laid out with "
              + buckets
              + " buckets; the count cannot change for a table in use. Drop the parameter, or"
              + " use a new table");
    }
    return buckets;
  }
}

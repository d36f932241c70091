package dev.larder.benchmarks.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the on-demand tables the raw SDK clients of the benchmarks use. */
final class RawTables {

  private RawTables() {}

  /**
   * Creates {@code table} keyed by {@code pk} S and, unless {@code sortKey} is null, a sort key
   * {@code sk} of that type; a table that exists already (an earlier fork or run) is kept.
   */
  static void create(DynamoDbClient sdk, String table, ScalarAttributeType sortKey) {
    try {
      sdk.createTable(
          b -> {
            b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKey == null) {
              b.attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                  .keySchema(key("pk", KeyType.HASH));
            } else {
              b.attributeDefinitions(
                      attribute("pk", ScalarAttributeType.S), attribute("sk", sortKey))
                  .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            }
          });
    } catch (ResourceInUseException e) {
      // created by an earlier fork or run against the same server
    }
    sdk.waiter().waitUntilTableExists(b -> b.tableName(table));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}

package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.storetck.IndexStoreContract;
import dev.larder.jcache.storetck.StoreContractTest;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The DynamoDB store passes the store contract, on DynamoDB Local in this JVM (the fastest real
 * DynamoDB there is). The store never reads a clock: every time it needs comes from its caller.
 */
class DynamoDbStoreContractTest extends StoreContractTest implements IndexStoreContract {

  private static DynamoDbLocal dynamo;

  @BeforeAll
  static void startDynamoDb() {
    dynamo = DynamoDbLocal.embedded();
  }

  @AfterAll
  static void stopDynamoDb() {
    dynamo.close();
  }

  @Override
  protected Backend newBackend(Clock clock) {
    DynamoDbSettings settings =
        DynamoDbSettings.parse(
            URI.create("dynamodb://larder-contract?createTable=true&buckets=4"),
            new Properties(),
            getClass().getClassLoader());
    return DynamoDbBackend.open(settings, dynamo.client(), false, "embedded DynamoDB Local");
  }
}

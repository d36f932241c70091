package dev.larder.cdi.tenant;

import dev.larder.jcache.LarderCacheManager;
import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link TenantContract} on DynamoDB Local (a server on a free port), a fresh namespace per test.
 */
class DynamoDbTenantTest extends TenantContract {

  private static DynamoDbLocal dynamo;

  @BeforeAll
  static void startDynamoDbLocal() {
    DynamoDbLocal.useTestCredentials();
    dynamo = DynamoDbLocal.server();
  }

  @AfterAll
  static void stopDynamoDbLocal() {
    dynamo.close();
  }

  @Override
  protected CacheManager openCacheManager() {
    Properties properties = new Properties();
    properties.setProperty(LarderCacheManager.NAMESPACE_PROPERTY, "cdi-" + UUID.randomUUID());
    return new LarderCachingProvider()
        .getCacheManager(
            dynamo.larderUri("larder-cdi", "createTable=true"),
            getClass().getClassLoader(),
            properties);
  }
}

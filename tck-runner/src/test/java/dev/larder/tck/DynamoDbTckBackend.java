package dev.larder.tck;

import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import java.net.URI;

/**
 * DynamoDB Local as a server on a free loopback port for the TCK.
 *
 * <p>The TCK builds MBean names from the manager URI with only {@code : = , newline} replaced, so a
 * URI with a query ({@code ?} is an ObjectName wildcard) cannot pass its management tests. The run
 * therefore uses the bare {@code dynamodb://larder-tck} and reaches DynamoDB Local the way any AWS
 * SDK client can be pointed elsewhere: the SDK's {@code aws.endpointUrlDynamoDb}, {@code
 * aws.region} and credential system properties. Larder creates the table first, through a throwaway
 * manager with {@code createTable=true}.
 */
public final class DynamoDbTckBackend implements TckBackend {

  private static final String TABLE = "larder-tck";

  private DynamoDbLocal dynamo;

  @Override
  public URI start() {
    DynamoDbLocal.useTestCredentials();
    dynamo = DynamoDbLocal.server();
    System.setProperty("aws.endpointUrlDynamoDb", dynamo.endpoint().toString());
    System.setProperty("aws.region", DynamoDbLocal.REGION);
    LarderCachingProvider creator = new LarderCachingProvider();
    try {
      creator.getCacheManager(
          dynamo.larderUri(TABLE, "createTable=true"), getClass().getClassLoader());
    } finally {
      creator.close();
    }
    return URI.create("dynamodb://" + TABLE);
  }

  @Override
  public void close() {
    if (dynamo != null) {
      dynamo.close();
    }
  }
}

package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.StoreProvider;
import java.util.Set;

/**
 * Serves {@code dynamodb://TABLE?region=..&endpoint=..&profile=..&createTable=true} URIs: every
 * cache of the manager lives in the one table. Found with {@link java.util.ServiceLoader};
 * stateless and thread-safe.
 *
 * <p>Parameters: {@code region} (else the SDK's region chain, or us-east-1 when an endpoint is
 * given), {@code endpoint} (DynamoDB Local, VPC endpoints), {@code profile} (a named profile for
 * credentials and region; else the SDK's default credentials chain), {@code createTable} (create a
 * missing table, on-demand billing and TTL enabled), {@code buckets} (partition keys per cache
 * partition, fixed per table, default 8), {@code consistentReads} (default true), {@code
 * maxConnections} (HTTP pool, default 128), {@code maxAttempts} (SDK attempts per request on
 * throttling and transient errors, default 3), {@code ttlGraceSeconds} (how long after expiry the
 * native TTL may delete an item, default 3600). The manager property {@value
 * DynamoDbSettings#INTERCEPTORS} adds SDK execution interceptors.
 */
public final class DynamoDbStoreProvider implements StoreProvider {

  /** The URI scheme this provider serves. */
  public static final String SCHEME = "dynamodb";

  /** Manager property for SDK execution interceptors; see {@link DynamoDbSettings}. */
  public static final String INTERCEPTORS_PROPERTY = DynamoDbSettings.INTERCEPTORS;

  /** For {@link java.util.ServiceLoader}. */
  public DynamoDbStoreProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  @Override
  public Backend open(BackendContext context) {
    DynamoDbSettings settings =
        DynamoDbSettings.parse(context.uri(), context.properties(), context.classLoader());
    return DynamoDbBackend.open(settings);
  }
}

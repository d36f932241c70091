package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.LockStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.QueueStore;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * One DynamoDB table reached through one SDK client: hands out a {@link DynamoDbStore} per
 * partition. Keys and values are bytes ({@link #storesObjects()} is false).
 *
 * <p>The client is the synchronous one on Apache HttpClient 5 ({@code apache5-client}; the SDK
 * deprecates the 4.x one): a real connection pool ({@code maxConnections}, default 128) with
 * keep-alive, so many threads each get a warm connection, where the JDK URL-connection client keeps
 * only a handful of idle connections per host and the asynchronous Netty client would pay for
 * futures that a blocking {@code Store} cannot use. Requests are retried by the SDK's standard
 * retry strategy (throttling and transient errors, exponential backoff with jitter), {@code
 * maxAttempts} times in all (default 3).
 *
 * <p>Thread-safe; {@link #close()} closes the client (when it owns it) and its pool.
 */
final class DynamoDbBackend implements Backend {

  private final DynamoDbClient client;
  private final DynamoDbSettings settings;
  private final KeyLayout layout;
  private final Items items;
  private final Failures failures;
  private final ExecutorService executor;
  private final String description;
  private final boolean ownsClient;

  private DynamoDbBackend(
      DynamoDbClient client,
      boolean ownsClient,
      DynamoDbSettings settings,
      KeyLayout layout,
      String description) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.settings = settings;
    this.layout = layout;
    this.items = new Items(settings.table(), settings.ttlGraceSeconds());
    this.failures = new Failures(settings.table(), description);
    this.description = description;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            Math.min(layout.buckets(), 16),
            runnable -> {
              Thread thread = new Thread(runnable, "larder-dynamodb-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Builds the client, checks (or creates) the table and reads its layout. */
  static DynamoDbBackend open(DynamoDbSettings settings) {
    Region region = region(settings);
    String description =
        "dynamodb://"
            + settings.table()
            + " in "
            + region.id()
            + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    DynamoDbClient client = client(settings, region);
    try {
      return open(settings, client, true, description);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** A backend on a client of the caller's (for example DynamoDB Local's embedded one). */
  static DynamoDbBackend open(
      DynamoDbSettings settings, DynamoDbClient client, boolean ownsClient, String description) {
    int buckets = new TableAdmin(client, settings, description).prepare();
    return new DynamoDbBackend(client, ownsClient, settings, new KeyLayout(buckets), description);
  }

  private static Region region(DynamoDbSettings settings) {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    try {
      if (settings.profile() != null) {
        return new AwsProfileRegionProvider(null, settings.profile()).getRegion();
      }
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkException e) {
      if (settings.endpoint() != null) {
        // DynamoDB Local and other endpoints do not care; tables are kept apart by region there
        return Region.US_EAST_1;
      }
      throw new CacheException(
          "LARDER-500: no AWS region for DynamoDB table '"
              + settings.table()
              + "': add region=... to the URI, or set AWS_REGION or a profile's region",
          e);
    }
  }

  private static DynamoDbClient client(DynamoDbSettings settings, Region region) {
    AwsCredentialsProvider credentials =
        settings.profile() != null
            ? ProfileCredentialsProvider.create(settings.profile())
            : DefaultCredentialsProvider.builder().build();
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .maxConnections(settings.maxConnections())
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .tcpKeepAlive(true))
            .overrideConfiguration(
                o -> {
                  // a cache call should fail within seconds, not wait out the SDK's DynamoDB
                  // default of 9 attempts with up to 20 s of backoff each
                  o.retryStrategy(
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(settings.maxAttempts())
                          .build());
                  settings.interceptors().forEach(o::addExecutionInterceptor);
                });
    URI endpoint = settings.endpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  @Override
  public boolean storesObjects() {
    return false;
  }

  @Override
  public Store store(Partition partition, StoreSettings storeSettings) {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(storeSettings, "settings");
    // DynamoDB has no eviction; a bounded size is not honoured (documented in docs/backends)
    return new DynamoDbStore(partition, this);
  }

  @Override
  public QueueStore queue(Partition queue) {
    return new DynamoDbQueue(Objects.requireNonNull(queue, "queue"), this);
  }

  @Override
  public LockStore lock(Partition lock) {
    return new DynamoDbLock(Objects.requireNonNull(lock, "lock"), this);
  }

  DynamoDbClient client() {
    return client;
  }

  DynamoDbSettings settings() {
    return settings;
  }

  KeyLayout layout() {
    return layout;
  }

  Items items() {
    return items;
  }

  Failures failures() {
    return failures;
  }

  ExecutorService executor() {
    return executor;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "DynamoDbBackend[" + description + "]";
  }
}

package dev.larder.testkit.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local (from Maven Central, in memory, telemetry off) for tests: either in this JVM with
 * no network ({@link #embedded()}, fastest, but its client bypasses the SDK's request pipeline) or
 * as an HTTP server on a free loopback port ({@link #server()}, for tests that go through a real
 * SDK client and count its requests).
 *
 * <p>Always {@link #close()} it: DynamoDB Local runs non-daemon threads that otherwise keep the JVM
 * alive. Tables are private to an access key and region, so clients should use {@link
 * #ACCESS_KEY}/{@link #SECRET_KEY} and {@link #REGION} to see each other's tables. Thread-safe.
 */
public final class DynamoDbLocal implements AutoCloseable {

  /** The access key every client of a test instance uses (DynamoDB Local checks none). */
  public static final String ACCESS_KEY = "larder";

  /** The matching secret; not a secret, DynamoDB Local accepts anything. */
  public static final String SECRET_KEY = "larder-local";

  /** The region clients use; DynamoDB Local separates tables by access key and region. */
  public static final String REGION = "us-east-1";

  private final AmazonDynamoDBLocal embedded;
  private final DynamoDBProxyServer server;
  private final URI endpoint;
  private boolean closed;

  private DynamoDbLocal(AmazonDynamoDBLocal embedded, DynamoDBProxyServer server, URI endpoint) {
    this.embedded = embedded;
    this.server = server;
    this.endpoint = endpoint;
  }

  /** DynamoDB Local in this JVM; {@link #client()} talks to it without HTTP. */
  public static DynamoDbLocal embedded() {
    return new DynamoDbLocal(DynamoDBEmbedded.create(true), null, null);
  }

  /** DynamoDB Local as an HTTP server on a free port of 127.0.0.1. */
  public static DynamoDbLocal server() {
    // -port 0 is rejected, so pick a free port first; retry if another process takes it meanwhile
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      try {
        DynamoDBProxyServer server =
            ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        server.start();
        return new DynamoDbLocal(null, server, URI.create("http://127.0.0.1:" + port));
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException("could not start DynamoDB Local on a free port", last);
  }

  /** Whether this instance listens on HTTP (see {@link #endpoint()}). */
  public boolean isServer() {
    return server != null;
  }

  /**
   * The HTTP endpoint of a {@link #server()} instance.
   *
   * @throws IllegalStateException for an embedded instance, which has none
   */
  public URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("embedded DynamoDB Local has no endpoint; use server()");
    }
    return endpoint;
  }

  /**
   * A Larder URI for a table of this instance, {@code dynamodb://TABLE?endpoint=..&region=..}, with
   * {@code extra} parameters appended (for example {@code "createTable=true"}).
   */
  public URI larderUri(String table, String extra) {
    Objects.requireNonNull(table, "table");
    String query = "endpoint=" + endpoint() + "&region=" + REGION;
    if (extra != null && !extra.isBlank()) {
      query += "&" + extra;
    }
    return URI.create("dynamodb://" + table + "?" + query);
  }

  /**
   * A client for this instance. For a server it is a plain SDK client with the test credentials;
   * the caller closes it.
   */
  public DynamoDbClient client() {
    if (embedded != null) {
      return embedded.dynamoDbClient();
    }
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /**
   * Sets the SDK's credential system properties ({@code aws.accessKeyId}, {@code
   * aws.secretAccessKey}) to the test credentials unless already set, so clients built from the
   * default credentials chain (as Larder's are) can reach this instance.
   */
  public static void useTestCredentials() {
    if (System.getProperty("aws.accessKeyId") == null) {
      System.setProperty("aws.accessKeyId", ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }
  }

  /** Stops DynamoDB Local and drops its data. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (embedded != null) {
      embedded.shutdown();
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("stopping DynamoDB Local on " + endpoint + " failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "DynamoDbLocal[" + (server != null ? endpoint : "embedded") + "]";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on the loopback interface", e);
    }
  }
}

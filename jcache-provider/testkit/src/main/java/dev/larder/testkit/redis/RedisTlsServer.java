package dev.larder.testkit.redis;

import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A real {@code redis-server} that speaks only TLS ({@code port 0}, {@code tls-port P}, clients not
 * asked for certificates), with a certificate authority and a server certificate for 127.0.0.1 and
 * localhost generated for this server by the {@code openssl} command line tool. Clients trust it
 * through {@link #sslContext()}, {@link #sslSocketFactory()} or the PKCS12 {@link #trustStore()};
 * the certificate passes hostname verification.
 *
 * <pre>{@code
 * try (RedisTlsServer redis = RedisTlsServer.start()) {
 *   RedisClient client = RedisClient.builder()
 *       .hostAndPort(redis.host(), redis.port())
 *       .clientConfig(DefaultJedisClientConfig.builder()
 *           .ssl(true).sslSocketFactory(redis.sslSocketFactory()).build())
 *       .build();
 * }
 * }</pre>
 *
 * <p>Fails with a message naming the binary if it was built without TLS. Thread-safe.
 */
public final class RedisTlsServer extends RedisNode {

  private RedisTlsServer(NodeOptions options) {
    super(options);
  }

  /** Starts a TLS server with no password, using {@link RedisBinary#locate()}. */
  public static RedisTlsServer start() {
    return builder().start();
  }

  /** A builder for a TLS server with a password, an ACL user or a given binary. */
  public static Builder builder() {
    return new Builder();
  }

  /** A TLS context that trusts this server's certificate authority (and nothing else). */
  public SSLContext sslContext() {
    return tlsMaterial().sslContext;
  }

  /** {@link #sslContext()}'s socket factory, the form Jedis takes. */
  public SSLSocketFactory sslSocketFactory() {
    return sslContext().getSocketFactory();
  }

  /** A PKCS12 trust store holding the test CA, protected by {@link #trustStorePassword()}. */
  public Path trustStore() {
    return tlsMaterial().trustStore;
  }

  /** The password of {@link #trustStore()}. */
  public String trustStorePassword() {
    return TlsMaterial.TRUST_STORE_PASSWORD;
  }

  /** The test CA's certificate (PEM), for clients that take a CA file. */
  public Path caCertificate() {
    return tlsMaterial().caCertificate;
  }

  /** Options for {@link RedisTlsServer}. Not thread-safe. */
  public static final class Builder {

    private RedisBinary binary;
    private String user;
    private String password;

    private Builder() {}

    /** The executable to run; {@link RedisBinary#locate()} if not set. It must support TLS. */
    public Builder binary(RedisBinary binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /**
     * Requires this password for the default user ({@code requirepass}); replaces {@link #user}.
     */
    public Builder password(String password) {
      this.user = null;
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Adds an ACL user with every permission and disables the default user. */
    public Builder user(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Generates the certificates, starts the server and waits until it answers PING over TLS. */
    public RedisTlsServer start() {
      RedisBinary chosen = binary != null ? binary : RedisBinary.locate();
      RedisTlsServer server =
          new RedisTlsServer(new NodeOptions(chosen, user, password, false, true));
      server.boot();
      return server;
    }
  }
}

package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** One shared TLS-only server. */
class RedisTlsServerTest {

  @RegisterExtension
  static final RedisServerExtension<RedisTlsServer> redis = RedisServerExtension.tls();

  @Test
  void uri_isRedissOnTheTlsPort() {
    RedisTlsServer server = redis.get();

    assertEquals(URI.create("rediss://127.0.0.1:" + server.port()), server.uri());
    assertEquals(List.of("port", "0"), server.call("CONFIG", "GET", "port"));
    assertEquals(
        List.of("tls-port", Integer.toString(server.port())),
        server.call("CONFIG", "GET", "tls-port"));
  }

  @Test
  void sslSocket_withHostnameVerification_getsPong() throws IOException {
    RedisTlsServer server = redis.get();

    assertEquals("+PONG", pingOverTls(server.sslContext(), server.host(), server.port()));
  }

  @Test
  void sslSocket_toLocalhost_passesHostnameVerificationToo() throws IOException {
    RedisTlsServer server = redis.get();

    assertEquals("+PONG", pingOverTls(server.sslContext(), "localhost", server.port()));
  }

  @Test
  void trustStore_isPkcs12HoldingOnlyTheTestCa() throws Exception {
    RedisTlsServer server = redis.get();
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.trustStore())) {
      trustStore.load(in, server.trustStorePassword().toCharArray());
    }

    List<String> aliases = Collections.list(trustStore.aliases());
    assertEquals(1, aliases.size());
    X509Certificate ca = (X509Certificate) trustStore.getCertificate(aliases.get(0));
    assertTrue(ca.getSubjectX500Principal().getName().contains("Larder testkit CA"));
    assertNotEquals(-1, ca.getBasicConstraints(), "the certificate is a CA");
    assertTrue(Files.readString(server.caCertificate()).contains("BEGIN CERTIFICATE"));

    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext fromFile = SSLContext.getInstance("TLS");
    fromFile.init(null, trust.getTrustManagers(), null);
    assertEquals("+PONG", pingOverTls(fromFile, server.host(), server.port()));
  }

  @Test
  void jedis_overTls_readsAndWrites() {
    RedisTlsServer server = redis.get();
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .ssl(true)
            .sslSocketFactory(server.sslSocketFactory())
            .build();

    try (RedisClient client =
        RedisClient.builder()
            .hostAndPort(server.host(), server.port())
            .clientConfig(config)
            .build()) {
      assertEquals("PONG", client.ping());
      client.set("tls:key", "over tls");
    }

    assertEquals("over tls", server.call("GET", "tls:key"));
  }

  @Test
  void plainConnection_toTheTlsPort_getsNoPong() throws IOException {
    RedisTlsServer server = redis.get();
    String reply;
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      reply = readLineOrError(socket.getInputStream());
    }

    assertNotEquals("+PONG", reply);
  }

  static String pingOverTls(SSLContext context, String host, int port) throws IOException {
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(5000);
      socket.startHandshake();
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return readLineOrError(socket.getInputStream());
    }
  }

  private static String readLineOrError(InputStream in) {
    StringBuilder line = new StringBuilder();
    try {
      for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
        line.append((char) c);
      }
    } catch (IOException e) {
      return "closed: " + e;
    }
    return line.toString();
  }
}

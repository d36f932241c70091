package dev.larder.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost, made
 * with the {@code openssl} command line tool, plus a PKCS12 trust store holding the CA for Java
 * clients. Valid for 7 days; a new set is made for every TLS server.
 */
final class TlsMaterial {

  static final String TRUST_STORE_PASSWORD = "larder-testkit";

  private static final String OPENSSL_CONFIG =
      """
      [req]
      distinguished_name = dn
      prompt = no

      [dn]
      CN = Larder testkit

      [v3_ca]
      basicConstraints = critical, CA:TRUE
      keyUsage = critical, keyCertSign, cRLSign
      subjectKeyIdentifier = hash

      [v3_server]
      basicConstraints = critical, CA:FALSE
      keyUsage = critical, digitalSignature, keyEncipherment
      extendedKeyUsage = serverAuth
      subjectAltName = IP:127.0.0.1, DNS:localhost
      subjectKeyIdentifier = hash
      authorityKeyIdentifier = keyid
      """;

  final Path caCertificate;
  final Path serverCertificate;
  final Path serverKey;
  final Path trustStore;
  final SSLContext sslContext;

  private TlsMaterial(
      Path caCertificate,
      Path serverCertificate,
      Path serverKey,
      Path trustStore,
      SSLContext sslContext) {
    this.caCertificate = caCertificate;
    this.serverCertificate = serverCertificate;
    this.serverKey = serverKey;
    this.trustStore = trustStore;
    this.sslContext = sslContext;
  }

  /** Generates the files in {@code directory}, which must exist. */
  static TlsMaterial generate(Path directory) {
    try {
      Files.writeString(directory.resolve("openssl.cnf"), OPENSSL_CONFIG);
      openssl(
          directory,
          "req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1"
              + " -keyout ca.key -out ca.crt -days 7 -config openssl.cnf -extensions v3_ca",
          "-subj",
          "/CN=Larder testkit CA");
      openssl(
          directory,
          "req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1"
              + " -keyout server.key -out server.csr -config openssl.cnf",
          "-subj",
          "/CN=localhost");
      byte[] serial = new byte[8];
      new SecureRandom().nextBytes(serial);
      serial[0] &= 0x7f;
      openssl(
          directory,
          "x509 -req -in server.csr -CA ca.crt -CAkey ca.key -days 7 -out server.crt"
              + " -extfile openssl.cnf -extensions v3_server",
          "-set_serial",
          "0x" + HexFormat.of().formatHex(serial));
      Path ca = directory.resolve("ca.crt");
      Path trustStore = directory.resolve("truststore.p12");
      KeyStore keyStore = writeTrustStore(ca, trustStore);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return new TlsMaterial(
          ca,
          directory.resolve("server.crt"),
          directory.resolve("server.key"),
          trustStore,
          context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TLS test files in " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust store from the test CA", e);
    }
  }

  private static KeyStore writeTrustStore(Path caCertificate, Path trustStore)
      throws IOException, GeneralSecurityException {
    Certificate ca;
    try (InputStream in = Files.newInputStream(caCertificate)) {
      ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setCertificateEntry("larder-testkit-ca", ca);
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      keyStore.store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
    return keyStore;
  }

  /** Runs openssl with the space-separated {@code options}, then {@code more} as they are. */
  private static void openssl(Path directory, String options, String... more) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(options.split(" ")));
    command.addAll(List.of(more));
    try {
      ExternalCommand.run(command, directory);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "RedisTlsServer makes its test certificates with the openssl command line tool, which"
              + " failed (is openssl on PATH?): "
              + e.getMessage(),
          e);
    }
  }
}

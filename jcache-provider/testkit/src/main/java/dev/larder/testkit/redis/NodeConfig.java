package dev.larder.testkit.redis;

import static dev.larder.testkit.redis.RedisNode.HOST;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders a node's {@code redis.conf}, and reads its startup log for known failures. */
final class NodeConfig {

  private NodeConfig() {}

  static String render(NodeOptions options, int port, Path directory, TlsMaterial tls) {
    List<String> lines = new ArrayList<>();
    lines.add("bind " + HOST);
    if (tls == null) {
      lines.add("port " + port);
    } else {
      lines.add("port 0");
      lines.add("tls-port " + port);
      lines.add("tls-cert-file " + quote(tls.serverCertificate.toString()));
      lines.add("tls-key-file " + quote(tls.serverKey.toString()));
      lines.add("tls-ca-cert-file " + quote(tls.caCertificate.toString()));
      lines.add("tls-auth-clients no");
    }
    lines.add("daemonize no");
    lines.add("save \"\"");
    lines.add("appendonly no");
    lines.add("dir " + quote(directory.toString()));
    lines.add("logfile \"\"");
    if (options.user() != null) {
      lines.add("user default off");
      lines.add(
          "user "
              + quote(options.user())
              + " on "
              + quote(">" + options.password())
              + " ~* &* +@all");
    } else if (options.password() != null) {
      lines.add("requirepass " + quote(options.password()));
    }
    if (options.clusterEnabled()) {
      lines.add("cluster-enabled yes");
      lines.add("cluster-config-file nodes.conf");
      lines.add("cluster-node-timeout 5000");
      lines.add("cluster-announce-ip " + HOST);
    }
    return String.join("\n", lines) + "\n";
  }

  /** Whether a startup log shows a binary built without TLS (6.x/7.0 and 7.2+ wording). */
  static boolean lacksTls(String log) {
    return (log.contains("Bad directive") && log.contains("tls-"))
        || log.contains("Missing implement of connection type tls")
        || log.contains("TLS not supported");
  }

  /** A double-quoted config value, escaped the way redis.conf's parser reads it. */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        quoted.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        quoted.append(String.format("\\x%02x", c));
      } else {
        quoted.append((char) c);
      }
    }
    return quoted.append('"').toString();
  }
}

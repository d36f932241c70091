package dev.larder.testkit.redis;

import java.util.Objects;

/**
 * What a node is started with. {@code user} is null for the default user; {@code password} is null
 * for no authentication.
 */
record NodeOptions(
    RedisBinary binary, String user, String password, boolean clusterEnabled, boolean tls) {

  NodeOptions {
    Objects.requireNonNull(binary, "binary");
    if (user != null && password == null) {
      throw new IllegalArgumentException("an ACL user needs a password");
    }
  }
}

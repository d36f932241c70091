package dev.larder.tck;

import java.net.URI;

/**
 * Starts the server a TCK run needs (a Redis node, a cluster, DynamoDB Local) and says which URI
 * reaches it. Named by the {@code larder.tck.backend} system property of a surefire execution;
 * needs a public no-argument constructor.
 */
public interface TckBackend extends AutoCloseable {

  /** Starts the server and returns the cache manager URI for it. */
  URI start() throws Exception;

  @Override
  void close() throws Exception;
}

package dev.larder.jcache.memory;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.StoreProvider;
import java.util.Set;

/**
 * Serves {@code memory:} URIs with a {@link MemoryBackend}: entries live in this JVM, in one
 * Caffeine cache per partition. Found with {@link java.util.ServiceLoader}; stateless and
 * thread-safe, each {@link #open} returns a new, empty backend.
 */
public final class MemoryStoreProvider implements StoreProvider {

  /** The URI scheme this provider serves. */
  public static final String SCHEME = "memory";

  /** For {@link java.util.ServiceLoader}. */
  public MemoryStoreProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  /** Entries are live objects in this JVM: a cache may hand back the very instance it was given. */
  @Override
  public boolean supportsStoreByReference(java.net.URI uri) {
    return true;
  }

  @Override
  public Backend open(BackendContext context) {
    return new MemoryBackend(context.clock());
  }
}

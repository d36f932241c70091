package dev.larder.jcache.spi;

import java.util.Set;

/**
 * Found with {@link java.util.ServiceLoader} by URI scheme; each backend module registers one in
 * {@code META-INF/services/dev.larder.jcache.spi.StoreProvider}. The core never names a backend
 * class.
 */
public interface StoreProvider {

  /** The URI schemes this provider serves, lower case (for example {@code memory}). */
  Set<String> schemes();

  /** Opens a backend for a URI of one of {@link #schemes()}. */
  Backend open(BackendContext context);
}

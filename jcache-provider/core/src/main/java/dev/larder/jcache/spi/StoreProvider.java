package dev.larder.jcache.spi;

import java.net.URI;
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

  /**
   * Whether caches on this URI can store by reference (JCache's optional {@code
   * STORE_BY_REFERENCE}): only a backend that keeps live objects in this JVM can, so the default is
   * false. The caching provider answers {@code isSupported} from the default URI's provider, and
   * the TCK's store-by-reference tests run only when it says yes.
   */
  default boolean supportsStoreByReference(URI uri) {
    return false;
  }
}

package dev.larder.jcache.spi;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * What a {@link StoreProvider} gets to open a backend.
 *
 * @param uri the cache manager's URI
 * @param properties the cache manager's properties
 * @param classLoader the cache manager's class loader
 * @param clock the clock expiry is measured against
 */
public record BackendContext(URI uri, Properties properties, ClassLoader classLoader, Clock clock) {

  public BackendContext {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(clock, "clock");
  }
}

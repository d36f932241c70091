package dev.larder.jcache.spi;

/**
 * The one exception a store throws. The core translates it into a {@code
 * javax.cache.CacheException} naming the cache and the operation. Messages must never contain
 * secrets.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

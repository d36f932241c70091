package dev.larder.jcache.spi;

/**
 * Per-cache settings a backend may honour when it opens a store.
 *
 * @param maximumSize the most entries the store keeps before evicting, or {@link #UNBOUNDED}
 */
public record StoreSettings(long maximumSize) {

  public static final long UNBOUNDED = -1;

  public static final StoreSettings DEFAULT = new StoreSettings(UNBOUNDED);

  public StoreSettings {
    if (maximumSize < 0 && maximumSize != UNBOUNDED) {
      throw new IllegalArgumentException("maximumSize must be >= 0, or UNBOUNDED: " + maximumSize);
    }
  }

  public boolean bounded() {
    return maximumSize != UNBOUNDED;
  }
}

package dev.larder.cdi.internal;

import java.util.Arrays;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The default key: the key parameters' values, compared with {@link Arrays#deepEquals} as the spec
 * prescribes. Serializable, so the values must be too when the store copies or ships keys (every
 * store but memory by reference). Immutable as long as the values are.
 */
public final class ParameterKey implements GeneratedCacheKey {

  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final int hash;

  public ParameterKey(Object... values) {
    this.values = values.clone();
    this.hash = Arrays.deepHashCode(this.values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParameterKey that
        && hash == that.hash
        && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "ParameterKey" + Arrays.deepToString(values);
  }
}

package dev.larder.cdi.internal;

/**
 * Supplies the {@code CacheResolverFactory} and {@code CacheKeyGenerator} classes that annotations
 * name: the CDI layer returns the CDI bean of that type when there is one, else a new instance.
 */
public interface Components {

  <T> T get(Class<T> type);
}

package dev.larder.jcache.internal;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import javax.cache.CacheException;

/**
 * Finds the {@link StoreProvider} for a URI scheme with {@link ServiceLoader}, looking in Larder's
 * own class loader and then the cache manager's. One instance per caching provider, which keeps the
 * store providers it found: a store provider may share connections between the managers of one
 * caching provider. Thread-safe.
 */
public final class Backends {

  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "redis", "dev.larder:larder-jcache-redis",
          "rediss", "dev.larder:larder-jcache-redis",
          "redis-cluster", "dev.larder:larder-jcache-redis",
          "redis-sentinel", "dev.larder:larder-jcache-redis",
          "dynamodb", "dev.larder:larder-jcache-dynamodb");

  private final Map<ClassLoader, List<StoreProvider>> found = new java.util.WeakHashMap<>();

  public Backend open(BackendContext context) {
    String scheme = context.uri().getScheme();
    String redacted = UriParameters.redact(context.uri());
    if (scheme == null) {
      throw new CacheException(
          "LARDER-032: cache manager URI '"
              + redacted
              + "' has no scheme; use memory:, redis://host:port or dynamodb://table");
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    List<StoreProvider> providers = providers(context.classLoader());
    for (StoreProvider provider : providers) {
      if (provider.schemes().contains(scheme)) {
        return provider.open(context);
      }
    }
    TreeSet<String> known = new TreeSet<>();
    providers.forEach(provider -> known.addAll(provider.schemes()));
    String artifact = ARTIFACTS.get(scheme);
    throw new CacheException(
        "LARDER-033: no Larder backend serves URI scheme '"
            + scheme
            + "' (URI "
            + redacted
            + "). "
            + (artifact == null
                ? "Schemes on the class path: " + known
                : "Add the artifact " + artifact + " to the class path.")
            + "");
  }

  /**
   * Whether the store provider of {@code uri}'s scheme supports store-by-reference; false when no
   * provider serves the scheme.
   */
  public boolean supportsStoreByReference(java.net.URI uri, ClassLoader classLoader) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return false;
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    return providers(classLoader).stream()
        .anyMatch(p -> p.schemes().contains(lower) && p.supportsStoreByReference(uri));
  }

  private List<StoreProvider> providers(ClassLoader managerLoader) {
    synchronized (found) {
      List<StoreProvider> own =
          found.computeIfAbsent(Backends.class.getClassLoader(), Backends::load);
      if (managerLoader == null || managerLoader == Backends.class.getClassLoader()) {
        return own;
      }
      return found.computeIfAbsent(
          managerLoader,
          loader -> {
            List<StoreProvider> all = new ArrayList<>(own);
            for (StoreProvider extra : load(loader)) {
              if (all.stream().noneMatch(p -> p.getClass() == extra.getClass())) {
                all.add(extra);
              }
            }
            return all;
          });
    }
  }

  private static List<StoreProvider> load(ClassLoader loader) {
    List<StoreProvider> loaded = new ArrayList<>();
    ServiceLoader.load(StoreProvider.class, loader).forEach(loaded::add);
    return loaded;
  }
}

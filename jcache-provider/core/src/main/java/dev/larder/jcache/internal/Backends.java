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
 * own class loader and then the cache manager's. Thread-safe.
 */
public final class Backends {

  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "redis", "dev.larder:larder-jcache-redis",
          "rediss", "dev.larder:larder-jcache-redis",
          "redis-cluster", "dev.larder:larder-jcache-redis",
          "redis-sentinel", "dev.larder:larder-jcache-redis",
          "dynamodb", "dev.larder:larder-jcache-dynamodb");

  private Backends() {}

  public static Backend open(BackendContext context) {
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

  private static List<StoreProvider> providers(ClassLoader managerLoader) {
    List<StoreProvider> found = new ArrayList<>();
    ServiceLoader.load(StoreProvider.class, Backends.class.getClassLoader()).forEach(found::add);
    if (managerLoader != null && managerLoader != Backends.class.getClassLoader()) {
      for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, managerLoader)) {
        if (found.stream().noneMatch(p -> p.getClass() == provider.getClass())) {
          found.add(provider);
        }
      }
    }
    return found;
  }
}

package dev.larder.examples.cdi;

import dev.larder.cdi.Tenants;
import dev.larder.jcache.LarderCache;
import java.io.PrintStream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Two tenants, acme and globex, call the same cached method with the same argument. Each gets its
 * own entry; refreshing acme's forecasts leaves globex's in place.
 *
 * <p>Runs on Weld SE with ordinary discovery: this jar's {@code beans.xml} makes it a bean archive
 * and larder-cdi's extension is found on the classpath. Code outside a request names its tenant
 * with {@link Tenants}; a web application would provide a request-scoped {@code TenantResolver}.
 */
public final class TenantForecasts {

  private TenantForecasts() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    try (WeldContainer container = new Weld().initialize()) {
      Tenants tenants = container.select(Tenants.class).get();
      Forecasts forecasts = container.select(Forecasts.class).get();

      out.println("acme   asks: " + tenants.callAs("acme", () -> forecasts.forecast("Paris")));
      out.println("acme   asks: " + tenants.callAs("acme", () -> forecasts.forecast("Paris")));
      out.println("globex asks: " + tenants.callAs("globex", () -> forecasts.forecast("Paris")));
      out.println("computed " + forecasts.computed() + " forecasts for 3 calls");

      CacheManager manager = Caching.getCachingProvider().getCacheManager();
      printEntries(out, manager, "acme");
      printEntries(out, manager, "globex");

      out.println("acme refreshes its forecasts (@CacheRemoveAll)");
      tenants.runAs("acme", forecasts::refreshAll);
      printEntries(out, manager, "acme");
      printEntries(out, manager, "globex");
    }
  }

  @SuppressWarnings("unchecked")
  private static void printEntries(PrintStream out, CacheManager manager, String tenant) {
    Cache<Object, Object> cache = manager.getCache("forecasts");
    LarderCache<Object, Object> view = cache.unwrap(LarderCache.class).forTenant(tenant);
    int count = 0;
    for (Cache.Entry<Object, Object> entry : view) {
      out.println("  " + tenant + "'s entry: " + entry.getValue());
      count++;
    }
    if (count == 0) {
      out.println("  " + tenant + " has no entries");
    }
  }
}

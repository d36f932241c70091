package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.TenantResolver;
import dev.larder.cdi.Tenants;
import dev.larder.cdi.internal.CacheOperations;
import dev.larder.cdi.internal.Components;
import dev.larder.cdi.internal.Misuse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * The CDI side of the interceptors: builds the CDI-free {@link CacheOperations} from what the
 * application deployed (its {@code CacheManager} and {@link TenantResolver} beans, if any), and
 * defers writes to transaction completion with a transactional observer. Application-scoped.
 */
@ApplicationScoped
public class CacheInterception implements Components {

  private final Instance<Object> beans;
  private final Tenants tenants;
  private final TenantResolver resolver;
  private final CacheOperations operations;
  private volatile CacheManager manager;

  @Inject
  public CacheInterception(Instance<Object> beans, Tenants tenants, Event<DeferredWrite> deferred) {
    this.beans = beans;
    this.tenants = tenants;
    Instance<TenantResolver> resolvers = beans.select(TenantResolver.class);
    this.resolver = resolvers.isResolvable() ? resolvers.get() : null;
    this.operations =
        new CacheOperations(
            this,
            this::cacheManager,
            this::tenant,
            write -> deferred.fire(new DeferredWrite(write)));
  }

  /** For the container's client proxy only. */
  protected CacheInterception() {
    this.beans = null;
    this.tenants = null;
    this.resolver = null;
    this.operations = null;
  }

  public CacheOperations operations() {
    return operations;
  }

  static void afterSuccess(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeferredWrite write) {
    write.run();
  }

  /** The application's CacheManager bean if it has one, else the default provider's manager. */
  private CacheManager cacheManager() {
    CacheManager current = manager;
    if (current == null || current.isClosed()) {
      Instance<CacheManager> produced = beans.select(CacheManager.class);
      current =
          produced.isResolvable() ? produced.get() : Caching.getCachingProvider().getCacheManager();
      manager = current;
    }
    return current;
  }

  private Optional<String> tenant() {
    Optional<String> explicit = tenants.current();
    if (explicit.isPresent() || resolver == null) {
      return explicit;
    }
    try {
      Optional<String> resolved = resolver.currentTenant();
      return resolved == null ? Optional.empty() : resolved;
    } catch (ContextNotActiveException outsideItsScope) {
      return Optional.empty();
    }
  }

  @Override
  public <T> T get(Class<T> type) {
    Instance<T> bean = beans.select(type);
    if (bean.isResolvable()) {
      return bean.get();
    }
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          Misuse.NOT_INSTANTIABLE.format("a cache annotation", type.getName()), e);
    }
  }
}

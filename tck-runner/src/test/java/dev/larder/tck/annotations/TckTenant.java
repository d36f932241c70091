package dev.larder.tck.annotations;

import dev.larder.cdi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The TCK's beans know nothing of tenants, so the run resolves one fixed tenant: every annotated
 * call of the TCK then goes through Larder's tenant partitions, {@code @CacheRemoveAll} included.
 */
@ApplicationScoped
public class TckTenant implements TenantResolver {

  @Override
  public Optional<String> currentTenant() {
    return Optional.of("tck");
  }
}

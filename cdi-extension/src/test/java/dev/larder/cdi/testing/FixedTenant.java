package dev.larder.cdi.testing;

import dev.larder.cdi.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A tenant resolver a test can point at any tenant, or at none. */
@ApplicationScoped
public class FixedTenant implements TenantResolver {

  public static final String DEFAULT = "tenant-1";

  private volatile String tenant = DEFAULT;

  public void set(String newTenant) {
    tenant = newTenant;
  }

  @Override
  public Optional<String> currentTenant() {
    return Optional.ofNullable(tenant);
  }
}

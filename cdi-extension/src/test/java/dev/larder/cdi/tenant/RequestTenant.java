package dev.larder.cdi.tenant;

import dev.larder.cdi.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The tenant of the current request, as a filter reading a header would set it. */
@RequestScoped
public class RequestTenant implements TenantResolver {

  private String tenant;

  public void set(String fromHeader) {
    tenant = fromHeader;
  }

  @Override
  public Optional<String> currentTenant() {
    return Optional.ofNullable(tenant);
  }
}

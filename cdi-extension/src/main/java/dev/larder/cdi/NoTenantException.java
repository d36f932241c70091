package dev.larder.cdi;

/**
 * Thrown by a tenant-scoped cached method when no tenant is known: neither {@link Tenants#runAs}
 * nor the application's {@link TenantResolver} named one. The call is refused rather than served
 * from, or stored in, an entry that other tenants would share.
 */
public class NoTenantException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public NoTenantException(String message) {
    super(message);
  }
}

package dev.larder.cdi;

import java.util.Optional;

/**
 * Says which tenant the current call belongs to. An application provides at most one CDI bean of
 * this type, in any scope: a {@code @RequestScoped} resolver that reads a request header works, and
 * outside an active request it simply counts as not knowing the tenant.
 *
 * <p>A tenant named by {@link Tenants#runAs} takes precedence over the resolver. When neither knows
 * the tenant, a tenant-scoped cached method fails with {@link NoTenantException} instead of sharing
 * an entry. Any string is a legal tenant; the empty string is the global partition.
 */
@FunctionalInterface
public interface TenantResolver {

  /** The current tenant, or empty when this resolver does not know it. */
  Optional<String> currentTenant();
}

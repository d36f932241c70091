package dev.larder.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a cached method, or every cached method of a class, as shared by all tenants: its entries
 * live in the cache's global partition, and no tenant needs to be known to call it. Without this
 * annotation every key carries the current tenant (see {@link TenantResolver} and {@link Tenants}).
 *
 * <p>Global methods also work on caches of other JCache providers, which have no tenants.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GlobalCache {}

package dev.larder.cdi.internal;

/**
 * Every error larder-cdi reports, with a stable identifier users can search for. Codes below 100
 * are found at deployment (CDI definition or deployment problems); codes from 100 at a call.
 */
public enum Misuse {
  MULTIPLE_ANNOTATIONS(
      1,
      "%s carries %s: a method takes exactly one of @CacheResult, @CachePut, @CacheRemove and"
          + " @CacheRemoveAll; split it into two methods"),
  RESULT_ON_VOID(
      2,
      "@CacheResult on %s, which returns void: there is no result to cache; use @CachePut with a"
          + " @CacheValue parameter to store a value"),
  PUT_WITHOUT_VALUE(
      3,
      "@CachePut on %s, which has no @CacheValue parameter: mark the parameter whose value is"
          + " stored"),
  TWO_VALUES(
      4,
      "%s has %d @CacheValue parameters: @CachePut stores exactly one value; keep @CacheValue on"
          + " one parameter"),
  VALUE_WITHOUT_PUT(
      5,
      "@CacheValue on a parameter of %s, which is not a @CachePut method: only @CachePut stores a"
          + " parameter; remove @CacheValue or use @CachePut"),
  KEY_AND_VALUE(
      6,
      "parameter %d of %s is both @CacheKey and @CacheValue: a value cannot be part of its own"
          + " key; remove one of them"),
  EXCEPTIONS_WITHOUT_CACHE(
      7,
      "@CacheResult on %s lists cachedExceptions or nonCachedExceptions but names no"
          + " exceptionCacheName, so they would be ignored: name the cache that holds exceptions"),
  EXCEPTION_CACHE_IS_RESULT_CACHE(
      8,
      "@CacheResult on %s would keep exceptions in its result cache '%s': give"
          + " exceptionCacheName a cache of its own"),
  NOT_INTERCEPTABLE(
      9,
      "%s on %s, which is %s: CDI never intercepts such a method, so nothing would be cached;"
          + " make it a non-private instance method"),
  CLASS_LEVEL(
      10,
      "%s on class %s: Larder applies the JSR-107 cache annotations to methods only; annotate"
          + " each method (use @CacheDefaults for a class-wide cache name)"),
  ASYNC_TYPE(
      11,
      "%s is declared to return %s: an asynchronous cached method must be declared to return"
          + " CompletionStage or CompletableFuture"),
  NOT_INSTANTIABLE(
      12,
      "%s names %s, which is neither a CDI bean nor a concrete class with a public no-argument"
          + " constructor: make it one of those"),
  KEY_ON_REMOVE_ALL(
      13,
      "@CacheKey on a parameter of %s, which is @CacheRemoveAll: it removes every entry of the"
          + " tenant, so there is no key; remove @CacheKey"),
  AMBIGUOUS_CACHE_MANAGER(
      20,
      "more than one CDI bean of type javax.cache.CacheManager: %s; larder-cdi uses the single"
          + " @Default CacheManager bean, or the default CachingProvider's manager when there is"
          + " none"),
  AMBIGUOUS_TENANT_RESOLVER(
      21, "more than one CDI bean of type dev.larder.cdi.TenantResolver: %s; provide exactly one"),
  NO_TENANT(
      100,
      "no tenant is known for %s (cache '%s'): call it inside Tenants.runAs(tenant, ...), provide a"
          + " TenantResolver bean that knows the tenant here, or mark the method or class"
          + " @GlobalCache if its entries are shared by all tenants"),
  FOREIGN_CACHE(
      101,
      "cache '%s' used by %s is a %s, not a Larder cache, so it cannot keep tenants apart:"
          + " configure Larder as the CachingProvider (or produce a Larder CacheManager bean), or"
          + " mark the method or class @GlobalCache"),
  UNKNOWN_METHOD(102, "%s is intercepted for %s but is not a valid cached method: %s");

  private final String code;
  private final String template;

  Misuse(int number, String template) {
    this.code = String.format("LARDER-CDI-%03d", number);
    this.template = template;
  }

  /** The stable identifier, for example {@code LARDER-CDI-004}. */
  public String code() {
    return code;
  }

  /** The full message: the identifier, then the template filled with {@code args}. */
  public String format(Object... args) {
    return code + ": " + String.format(template, args);
  }
}

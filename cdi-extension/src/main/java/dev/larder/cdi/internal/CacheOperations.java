package dev.larder.cdi.internal;

import dev.larder.cdi.internal.CacheMethod.Kind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The JSR-107 annotation semantics, with no CDI in sight: one method per annotation, each called by
 * its interceptor with the intercepted {@link Invocation}. Caches are resolved per call and
 * confined to the current tenant ({@link TenantScoping}); writes go through the {@link
 * WriteScheduler} so they can wait for a transaction to commit; asynchronous results are cached
 * once complete and shared between concurrent misses ({@link InFlight}). Thread-safe.
 */
public final class CacheOperations {

  private final Components components;
  private final CacheResolverFactory defaultFactory;
  private final CacheKeyGenerator defaultKeys = new ParameterKeyGenerator();
  private final TenantScoping tenants;
  private final WriteScheduler writes;
  private final InFlight inFlight = new InFlight();
  private final ConcurrentMap<MethodKey, Prepared<?>> prepared = new ConcurrentHashMap<>();

  /**
   * @param components makes the resolver factories and key generators that annotations name
   * @param manager the CacheManager the default resolver factory uses
   * @param tenant the current tenant, if known
   * @param writes runs cache writes now or after the transaction commits
   */
  public CacheOperations(
      Components components,
      Supplier<CacheManager> manager,
      Supplier<Optional<String>> tenant,
      WriteScheduler writes) {
    this.components = components;
    this.defaultFactory = new NamedCacheResolverFactory(manager);
    this.tenants = new TenantScoping(tenant);
    this.writes = writes;
  }

  /**
   * {@code @CacheResult}: a cached value is returned without calling the method (unless {@code
   * skipGet}); a cached exception is rethrown; otherwise the method runs and a non-null result is
   * cached, or a thrown exception cached when the exception filter admits it.
   */
  public Object result(Invocation invocation) throws Exception {
    Prepared<?> p = prepare(invocation, Kind.RESULT);
    CacheCall<?> call = p.call(invocation);
    Cache<Object, Object> cache = tenants.scope(p.resolver.resolveCache(call), p.method);
    Cache<Object, Throwable> exceptions =
        p.exceptionResolver == null
            ? null
            : tenants.scope(p.exceptionResolver.resolveCache(call), p.method);
    GeneratedCacheKey key = p.keys.generateCacheKey(call);
    if (p.method.async()) {
      return asyncResult(invocation, p.method, cache, exceptions, key);
    }
    if (!p.method.skipGet()) {
      Object hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
      Throwable cachedFailure = exceptions == null ? null : exceptions.get(key);
      if (cachedFailure != null) {
        throw rethrow(cachedFailure);
      }
    }
    Object value;
    try {
      value = invocation.proceed();
    } catch (Throwable failure) {
      cacheException(p.method, exceptions, key, failure);
      throw failure;
    }
    if (value != null) {
      cache.put(key, value);
    }
    return value;
  }

  private Object asyncResult(
      Invocation invocation,
      CacheMethod<?> method,
      Cache<Object, Object> cache,
      Cache<Object, Throwable> exceptions,
      GeneratedCacheKey key)
      throws Exception {
    BiConsumer<Object, Throwable> store =
        (value, failure) -> {
          if (failure != null) {
            cacheException(method, exceptions, key, failure);
          } else if (value != null) {
            cache.put(key, value);
          }
        };
    if (method.skipGet()) {
      CompletionStage<?> stage = stage(invocation);
      return stage == null ? null : Completions.after(stage, store);
    }
    Object hit = cache.get(key);
    if (hit != null) {
      return CompletableFuture.completedFuture(hit);
    }
    Throwable cachedFailure = exceptions == null ? null : exceptions.get(key);
    if (cachedFailure != null) {
      return CompletableFuture.failedFuture(cachedFailure);
    }
    return inFlight.join(cache, key, () -> cache.get(key), () -> stage(invocation), store);
  }

  /**
   * {@code @CachePut}: stores the {@code @CacheValue} argument (never a null) under the key of the
   * other parameters, after the method returns (or before it runs when not {@code
   * afterInvocation}).
   */
  public Object put(Invocation invocation) throws Exception {
    Prepared<?> p = prepare(invocation, Kind.PUT);
    CacheCall<?> call = p.call(invocation);
    Cache<Object, Object> cache = tenants.scope(p.resolver.resolveCache(call), p.method);
    GeneratedCacheKey key = p.keys.generateCacheKey(call);
    Object value = call.value();
    return write(
        invocation,
        p.method,
        () -> {
          if (value != null) {
            cache.put(key, value);
          }
        });
  }

  /** {@code @CacheRemove}: removes the entry of the call's key. */
  public Object remove(Invocation invocation) throws Exception {
    Prepared<?> p = prepare(invocation, Kind.REMOVE);
    CacheCall<?> call = p.call(invocation);
    Cache<Object, Object> cache = tenants.scope(p.resolver.resolveCache(call), p.method);
    GeneratedCacheKey key = p.keys.generateCacheKey(call);
    return write(invocation, p.method, () -> cache.remove(key));
  }

  /** {@code @CacheRemoveAll}: removes every entry of the current tenant (or the global ones). */
  public Object removeAll(Invocation invocation) throws Exception {
    Prepared<?> p = prepare(invocation, Kind.REMOVE_ALL);
    CacheCall<?> call = p.call(invocation);
    Cache<Object, Object> cache = tenants.scope(p.resolver.resolveCache(call), p.method);
    return write(invocation, p.method, cache::removeAll);
  }

  /**
   * Schedules {@code write} before the call, after it returns, after its stage completes, or after
   * it throws an exception the method's filter admits (cacheFor/evictFor and their opposites).
   */
  private Object write(Invocation invocation, CacheMethod<?> method, Runnable write)
      throws Exception {
    if (!method.afterInvocation()) {
      writes.schedule(write);
      return invocation.proceed();
    }
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable failure) {
      if (method.exceptions().matches(failure)) {
        writes.schedule(write);
      }
      throw failure;
    }
    if (method.async() && result != null) {
      return Completions.after(
          (CompletionStage<?>) result,
          (value, failure) -> {
            if (failure == null || method.exceptions().matches(failure)) {
              writes.schedule(write);
            }
          });
    }
    writes.schedule(write);
    return result;
  }

  private static void cacheException(
      CacheMethod<?> method, Cache<Object, Throwable> exceptions, Object key, Throwable failure) {
    if (exceptions != null && method.exceptions().matches(failure)) {
      exceptions.put(key, failure);
    }
  }

  private static CompletionStage<?> stage(Invocation invocation) throws Exception {
    return (CompletionStage<?>) invocation.proceed();
  }

  private static Exception rethrow(Throwable cached) {
    if (cached instanceof Error error) {
      throw error;
    }
    if (cached instanceof Exception exception) {
      return exception;
    }
    return new UndeclaredThrowableException(cached);
  }

  private Prepared<?> prepare(Invocation invocation, Kind expected) {
    MethodKey id = new MethodKey(invocation.target().getClass(), invocation.method());
    Prepared<?> p = prepared.get(id);
    if (p == null) {
      // not computeIfAbsent: a resolver factory may itself call cached methods
      Prepared<?> fresh = prepare(id);
      p = prepared.putIfAbsent(id, fresh);
      p = p == null ? fresh : p;
    }
    if (p.method.kind() != expected) {
      throw new IllegalStateException(
          Misuse.UNKNOWN_METHOD.format(
              CacheMethodReader.name(id.method), expected, p.method.describe()));
    }
    return p;
  }

  private Prepared<?> prepare(MethodKey id) {
    List<String> problems = new ArrayList<>();
    CacheMethod<?> method = CacheMethodReader.read(id.targetClass, id.method, problems);
    if (method == null) {
      throw new IllegalStateException(
          Misuse.UNKNOWN_METHOD.format(
              CacheMethodReader.name(id.method), id.targetClass.getName(), problems));
    }
    return prepare(method);
  }

  private <A extends Annotation> Prepared<A> prepare(CacheMethod<A> method) {
    CacheResolverFactory factory =
        method.resolverFactory() == null
            ? defaultFactory
            : components.get(method.resolverFactory());
    CacheResolver resolver = factory.getCacheResolver(method);
    CacheResolver exceptionResolver =
        method.exceptionCacheName() == null
            ? null
            : factory.getExceptionCacheResolver(asResult(method));
    CacheKeyGenerator keys =
        method.keyGenerator() == null ? defaultKeys : components.get(method.keyGenerator());
    return new Prepared<>(method, resolver, exceptionResolver, keys);
  }

  @SuppressWarnings("unchecked")
  private static CacheMethod<CacheResult> asResult(CacheMethod<?> method) {
    return (CacheMethod<CacheResult>) method;
  }

  private record MethodKey(Class<?> targetClass, Method method) {}

  /** A method's model with the SPI objects its annotations chose, made on its first call. */
  private record Prepared<A extends Annotation>(
      CacheMethod<A> method,
      CacheResolver resolver,
      CacheResolver exceptionResolver,
      CacheKeyGenerator keys) {

    CacheCall<A> call(Invocation invocation) {
      return new CacheCall<>(method, invocation.target(), invocation.parameters());
    }
  }
}

package dev.larder.cdi.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolverFactory;

/**
 * What an annotated method asks of the cache, read once from its annotations (see {@link
 * CacheMethodReader}): the operation, the cache names, which parameters form the key and which is
 * the value, the exception rules and whether it is global or asynchronous. Immutable.
 *
 * @param <A> the method's cache annotation type
 */
public final class CacheMethod<A extends Annotation> implements CacheMethodDetails<A> {

  /** The four JSR-107 operations. */
  public enum Kind {
    RESULT,
    PUT,
    REMOVE,
    REMOVE_ALL
  }

  private final Kind kind;
  private final Method method;
  private final A annotation;
  private final Set<Annotation> annotations;
  private final String cacheName;
  private final String exceptionCacheName;
  private final List<ParameterDetails> parameters;
  private final int[] keyPositions;
  private final int valuePosition;
  private final Class<? extends CacheResolverFactory> resolverFactory;
  private final Class<? extends CacheKeyGenerator> keyGenerator;
  private final ExceptionFilter exceptions;
  private final boolean afterInvocation;
  private final boolean skipGet;
  private final boolean global;
  private final boolean async;

  CacheMethod(Builder<A> b) {
    this.kind = b.kind;
    this.method = b.method;
    this.annotation = b.annotation;
    this.annotations = Set.of(b.method.getAnnotations());
    this.cacheName = b.cacheName;
    this.exceptionCacheName = b.exceptionCacheName;
    this.parameters = List.copyOf(b.parameters);
    this.keyPositions = b.keyPositions.clone();
    this.valuePosition = b.valuePosition;
    this.resolverFactory = b.resolverFactory;
    this.keyGenerator = b.keyGenerator;
    this.exceptions = b.exceptions;
    this.afterInvocation = b.afterInvocation;
    this.skipGet = b.skipGet;
    this.global = b.global;
    this.async = b.async;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public Method getMethod() {
    return method;
  }

  @Override
  public Set<Annotation> getAnnotations() {
    return annotations;
  }

  @Override
  public A getCacheAnnotation() {
    return annotation;
  }

  @Override
  public String getCacheName() {
    return cacheName;
  }

  /** The cache that keeps exceptions of a {@code @CacheResult} method, or null for none. */
  public String exceptionCacheName() {
    return exceptionCacheName;
  }

  List<ParameterDetails> parameters() {
    return parameters;
  }

  int[] keyPositions() {
    return keyPositions.clone();
  }

  /** The position of the {@code @CacheValue} parameter, or -1. */
  int valuePosition() {
    return valuePosition;
  }

  /** The factory named by the annotation or {@code @CacheDefaults}, or null for the default. */
  public Class<? extends CacheResolverFactory> resolverFactory() {
    return resolverFactory;
  }

  /** The generator named by the annotation or {@code @CacheDefaults}, or null for the default. */
  public Class<? extends CacheKeyGenerator> keyGenerator() {
    return keyGenerator;
  }

  /** Which exceptions get cached (@CacheResult) or still trigger the write (the others). */
  ExceptionFilter exceptions() {
    return exceptions;
  }

  /** Whether the write happens after the method returns (@CachePut, @CacheRemove(All)). */
  boolean afterInvocation() {
    return afterInvocation;
  }

  boolean skipGet() {
    return skipGet;
  }

  /** Whether the entries are shared by all tenants ({@code @GlobalCache}). */
  public boolean global() {
    return global;
  }

  /** Whether the method returns a CompletionStage whose completed value is what gets cached. */
  public boolean async() {
    return async;
  }

  /** The annotation and method, as error messages name them: {@code @CacheResult on Cls.m(..)}. */
  public String describe() {
    return "@"
        + annotation.annotationType().getSimpleName()
        + " on "
        + CacheMethodReader.name(method);
  }

  @Override
  public String toString() {
    return describe() + " (cache '" + cacheName + "')";
  }

  /** A parameter as {@link javax.cache.annotation.CacheInvocationParameter} describes it. */
  record ParameterDetails(Class<?> rawType, Set<Annotation> annotations, int position) {}

  static final class Builder<A extends Annotation> {
    Kind kind;
    Method method;
    A annotation;
    String cacheName;
    String exceptionCacheName;
    List<ParameterDetails> parameters;
    int[] keyPositions;
    int valuePosition = -1;
    Class<? extends CacheResolverFactory> resolverFactory;
    Class<? extends CacheKeyGenerator> keyGenerator;
    ExceptionFilter exceptions;
    boolean afterInvocation = true;
    boolean skipGet;
    boolean global;
    boolean async;
  }
}

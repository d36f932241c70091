package dev.larder.cdi.internal;

import dev.larder.cdi.internal.CacheMethod.ParameterDetails;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyInvocationContext;

/**
 * One call of a cached method as the JSR-107 SPI sees it: what {@code CacheResolver}s and {@code
 * CacheKeyGenerator}s receive. Arrays returned are fresh copies. Immutable apart from the
 * arguments, which belong to the caller.
 *
 * @param <A> the method's cache annotation type
 */
final class CacheCall<A extends Annotation> implements CacheKeyInvocationContext<A> {

  private final CacheMethod<A> method;
  private final Object target;
  private final Object[] arguments;

  CacheCall(CacheMethod<A> method, Object target, Object[] arguments) {
    this.method = method;
    this.target = target;
    this.arguments = arguments;
  }

  CacheMethod<A> cacheMethod() {
    return method;
  }

  @Override
  public Method getMethod() {
    return method.getMethod();
  }

  @Override
  public Set<Annotation> getAnnotations() {
    return method.getAnnotations();
  }

  @Override
  public A getCacheAnnotation() {
    return method.getCacheAnnotation();
  }

  @Override
  public String getCacheName() {
    return method.getCacheName();
  }

  @Override
  public Object getTarget() {
    return target;
  }

  @Override
  public CacheInvocationParameter[] getAllParameters() {
    List<ParameterDetails> all = method.parameters();
    CacheInvocationParameter[] result = new CacheInvocationParameter[all.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = parameter(i);
    }
    return result;
  }

  @Override
  public CacheInvocationParameter[] getKeyParameters() {
    int[] positions = method.keyPositions();
    CacheInvocationParameter[] result = new CacheInvocationParameter[positions.length];
    for (int i = 0; i < positions.length; i++) {
      result[i] = parameter(positions[i]);
    }
    return result;
  }

  @Override
  public CacheInvocationParameter getValueParameter() {
    int position = method.valuePosition();
    return position < 0 ? null : parameter(position);
  }

  /** The {@code @CacheValue} argument, or null. */
  Object value() {
    int position = method.valuePosition();
    return position < 0 ? null : arguments[position];
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(target)) {
      return type.cast(target);
    }
    throw new IllegalArgumentException(
        "a cache invocation context of " + method.describe() + " cannot be unwrapped to " + type);
  }

  private CacheInvocationParameter parameter(int position) {
    ParameterDetails details = method.parameters().get(position);
    return new Parameter(details, arguments[position]);
  }

  private record Parameter(ParameterDetails details, Object value)
      implements CacheInvocationParameter {

    @Override
    public Class<?> getRawType() {
      return details.rawType();
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public Set<Annotation> getAnnotations() {
      return details.annotations();
    }

    @Override
    public int getParameterPosition() {
      return details.position();
    }
  }
}

package dev.larder.cdi.internal;

import dev.larder.cdi.GlobalCache;
import dev.larder.cdi.internal.CacheMethod.Kind;
import dev.larder.cdi.internal.CacheMethod.ParameterDetails;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/**
 * Reads a method's JSR-107 annotations into a {@link CacheMethod}, applying the spec's defaults,
 * and reports every misuse it finds as a numbered {@link Misuse} message. The same reading serves
 * deployment validation and interception, so what deploys is exactly what runs. Stateless.
 */
public final class CacheMethodReader {

  /** The four operation annotations, which the extension turns into interceptor bindings. */
  public static final List<Class<? extends Annotation>> OPERATIONS =
      List.of(CacheResult.class, CachePut.class, CacheRemove.class, CacheRemoveAll.class);

  private CacheMethodReader() {}

  /** Problems with cache annotations placed on {@code beanClass} itself rather than methods. */
  public static List<String> checkClass(Class<?> beanClass) {
    List<String> problems = new ArrayList<>();
    for (Class<? extends Annotation> type : OPERATIONS) {
      if (beanClass.isAnnotationPresent(type)) {
        problems.add(Misuse.CLASS_LEVEL.format("@" + type.getSimpleName(), beanClass.getName()));
      }
    }
    return problems;
  }

  /**
   * Reads {@code method} as invoked on an instance of {@code targetClass} (whose hierarchy supplies
   * {@code @CacheDefaults} and {@code @GlobalCache}). Adds any misuse to {@code problems}.
   *
   * @return the model, or null when the method has no cache annotation or is misused
   */
  public static CacheMethod<?> read(Class<?> targetClass, Method method, List<String> problems) {
    List<Annotation> found = new ArrayList<>();
    for (Class<? extends Annotation> type : OPERATIONS) {
      Annotation annotation = method.getAnnotation(type);
      if (annotation != null) {
        found.add(annotation);
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    int before = problems.size();
    if (found.size() > 1) {
      problems.add(
          Misuse.MULTIPLE_ANNOTATIONS.format(
              name(method),
              found.stream()
                  .map(a -> "@" + a.annotationType().getSimpleName())
                  .collect(Collectors.joining(" and "))));
      return null;
    }
    Annotation annotation = found.get(0);
    String described = "@" + annotation.annotationType().getSimpleName();
    int modifiers = method.getModifiers();
    if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
      problems.add(
          Misuse.NOT_INTERCEPTABLE.format(
              described, name(method), Modifier.isPrivate(modifiers) ? "private" : "static"));
    }
    CacheMethod.Builder<Annotation> b = new CacheMethod.Builder<>();
    b.method = method;
    b.annotation = annotation;
    b.global = isGlobal(targetClass, method);
    CacheDefaults defaults = defaults(targetClass, method.getDeclaringClass());
    readOperation(b, annotation, defaults, problems);
    readParameters(b, problems);
    readReturnType(b, problems);
    return problems.size() == before ? new CacheMethod<>(b) : null;
  }

  private static void readOperation(
      CacheMethod.Builder<Annotation> b,
      Annotation annotation,
      CacheDefaults defaults,
      List<String> problems) {
    if (annotation instanceof CacheResult r) {
      b.kind = Kind.RESULT;
      b.cacheName = cacheName(r.cacheName(), defaults, b.method);
      b.resolverFactory = factory(r.cacheResolverFactory(), defaults);
      b.keyGenerator = generator(r.cacheKeyGenerator(), defaults);
      b.skipGet = r.skipGet();
      b.exceptions = new ExceptionFilter(r.cachedExceptions(), r.nonCachedExceptions(), true);
      b.exceptionCacheName = r.exceptionCacheName().isEmpty() ? null : r.exceptionCacheName();
      if (b.method.getReturnType() == void.class) {
        problems.add(Misuse.RESULT_ON_VOID.format(name(b.method)));
      }
      if (b.exceptionCacheName == null && !b.exceptions.isEmpty()) {
        problems.add(Misuse.EXCEPTIONS_WITHOUT_CACHE.format(name(b.method)));
      }
      if (b.cacheName.equals(b.exceptionCacheName)) {
        problems.add(Misuse.EXCEPTION_CACHE_IS_RESULT_CACHE.format(name(b.method), b.cacheName));
      }
    } else if (annotation instanceof CachePut p) {
      b.kind = Kind.PUT;
      b.cacheName = cacheName(p.cacheName(), defaults, b.method);
      b.resolverFactory = factory(p.cacheResolverFactory(), defaults);
      b.keyGenerator = generator(p.cacheKeyGenerator(), defaults);
      b.afterInvocation = p.afterInvocation();
      b.exceptions = new ExceptionFilter(p.cacheFor(), p.noCacheFor(), false);
    } else if (annotation instanceof CacheRemove r) {
      b.kind = Kind.REMOVE;
      b.cacheName = cacheName(r.cacheName(), defaults, b.method);
      b.resolverFactory = factory(r.cacheResolverFactory(), defaults);
      b.keyGenerator = generator(r.cacheKeyGenerator(), defaults);
      b.afterInvocation = r.afterInvocation();
      b.exceptions = new ExceptionFilter(r.evictFor(), r.noEvictFor(), false);
    } else {
      CacheRemoveAll r = (CacheRemoveAll) annotation;
      b.kind = Kind.REMOVE_ALL;
      b.cacheName = cacheName(r.cacheName(), defaults, b.method);
      b.resolverFactory = factory(r.cacheResolverFactory(), defaults);
      b.afterInvocation = r.afterInvocation();
      b.exceptions = new ExceptionFilter(r.evictFor(), r.noEvictFor(), false);
    }
  }

  private static void readParameters(CacheMethod.Builder<Annotation> b, List<String> problems) {
    Method method = b.method;
    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    List<ParameterDetails> parameters = new ArrayList<>();
    List<Integer> keys = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      Set<Annotation> own = Set.of(annotations[i]);
      parameters.add(new ParameterDetails(types[i], own, i));
      boolean key = own.stream().anyMatch(a -> a instanceof CacheKey);
      boolean value = own.stream().anyMatch(a -> a instanceof CacheValue);
      if (key) {
        keys.add(i);
      }
      if (value) {
        values.add(i);
      }
      if (key && value) {
        problems.add(Misuse.KEY_AND_VALUE.format(i, name(method)));
      }
    }
    if (b.kind == Kind.PUT) {
      if (values.isEmpty()) {
        problems.add(Misuse.PUT_WITHOUT_VALUE.format(name(method)));
      } else if (values.size() > 1) {
        problems.add(Misuse.TWO_VALUES.format(name(method), values.size()));
      } else {
        b.valuePosition = values.get(0);
      }
    } else if (!values.isEmpty()) {
      problems.add(Misuse.VALUE_WITHOUT_PUT.format(name(method)));
    }
    if (b.kind == Kind.REMOVE_ALL && !keys.isEmpty()) {
      problems.add(Misuse.KEY_ON_REMOVE_ALL.format(name(method)));
    }
    if (keys.isEmpty()) {
      for (int i = 0; i < types.length; i++) {
        if (i != b.valuePosition) {
          keys.add(i);
        }
      }
    }
    b.parameters = parameters;
    b.keyPositions = keys.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void readReturnType(CacheMethod.Builder<Annotation> b, List<String> problems) {
    Class<?> type = b.method.getReturnType();
    if (CompletionStage.class.isAssignableFrom(type)) {
      b.async = true;
      if (type != CompletionStage.class && type != CompletableFuture.class) {
        problems.add(Misuse.ASYNC_TYPE.format(name(b.method), type.getName()));
      }
    }
  }

  /** Whether a custom factory or generator class can be made without CDI. */
  public static boolean constructible(Class<?> type) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return false;
    }
    return Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
  }

  /**
   * The spec's default cache name, {@code package.DeclaringClass.method(package.ParamType,..)};
   * also how error messages name a method.
   */
  static String name(Method method) {
    return method.getDeclaringClass().getName()
        + "."
        + method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  private static String cacheName(String own, CacheDefaults defaults, Method method) {
    if (!own.isEmpty()) {
      return own;
    }
    if (defaults != null && !defaults.cacheName().isEmpty()) {
      return defaults.cacheName();
    }
    return name(method);
  }

  private static Class<? extends CacheResolverFactory> factory(
      Class<? extends CacheResolverFactory> own, CacheDefaults defaults) {
    if (own != CacheResolverFactory.class) {
      return own;
    }
    if (defaults != null && defaults.cacheResolverFactory() != CacheResolverFactory.class) {
      return defaults.cacheResolverFactory();
    }
    return null;
  }

  private static Class<? extends CacheKeyGenerator> generator(
      Class<? extends CacheKeyGenerator> own, CacheDefaults defaults) {
    if (own != CacheKeyGenerator.class) {
      return own;
    }
    if (defaults != null && defaults.cacheKeyGenerator() != CacheKeyGenerator.class) {
      return defaults.cacheKeyGenerator();
    }
    return null;
  }

  /**
   * {@code @CacheDefaults} of the nearest class from {@code targetClass} up: at run time the target
   * is the container's subclass of the bean class, which carries no annotations of its own.
   */
  private static CacheDefaults defaults(Class<?> targetClass, Class<?> declaringClass) {
    for (Class<?> c = targetClass; c != null; c = c.getSuperclass()) {
      CacheDefaults defaults = c.getAnnotation(CacheDefaults.class);
      if (defaults != null) {
        return defaults;
      }
    }
    return declaringClass.getAnnotation(CacheDefaults.class);
  }

  private static boolean isGlobal(Class<?> targetClass, Method method) {
    if (method.isAnnotationPresent(GlobalCache.class)
        || method.getDeclaringClass().isAnnotationPresent(GlobalCache.class)) {
      return true;
    }
    for (Class<?> c = targetClass; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(GlobalCache.class)) {
        return true;
      }
    }
    return false;
  }
}

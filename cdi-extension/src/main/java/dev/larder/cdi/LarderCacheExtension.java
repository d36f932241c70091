package dev.larder.cdi;

import dev.larder.cdi.internal.CacheMethod;
import dev.larder.cdi.internal.CacheMethodReader;
import dev.larder.cdi.internal.Misuse;
import dev.larder.cdi.internal.cdi.CacheInterception;
import dev.larder.cdi.internal.cdi.CachePutInterceptor;
import dev.larder.cdi.internal.cdi.CacheRemoveAllInterceptor;
import dev.larder.cdi.internal.cdi.CacheRemoveInterceptor;
import dev.larder.cdi.internal.cdi.CacheResultInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.Nonbinding;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.cache.CacheManager;

/**
 * The portable extension that makes the JSR-107 annotations work on Jakarta CDI: it registers
 * {@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove} and {@code @CacheRemoveAll} as
 * interceptor bindings whose members are all non-binding (their own {@code @Nonbinding} is the
 * {@code javax} one, which Jakarta CDI ignores), adds Larder's interceptors (enabled with
 * {@code @Priority}, so no {@code beans.xml} is needed) and validates every cached method of every
 * bean at deployment, reporting misuse as definition errors with numbered messages.
 *
 * <p>Found through {@code META-INF/services}; add it explicitly to Weld SE or weld-junit when
 * discovery is off.
 */
public class LarderCacheExtension implements Extension {

  /**
   * The interceptors' priority: after platform interceptors such as {@code @Transactional} (so a
   * write sees the transaction), before application interceptors (a cache hit skips them).
   */
  public static final int INTERCEPTOR_PRIORITY =
      jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE + 100;

  private static final List<Class<?>> BEANS =
      List.of(
          Tenants.class,
          CacheInterception.class,
          CacheResultInterceptor.class,
          CachePutInterceptor.class,
          CacheRemoveInterceptor.class,
          CacheRemoveAllInterceptor.class);

  private final List<CacheMethod<?>> customized = new ArrayList<>();

  void registerBindingsAndBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
    for (Class<? extends Annotation> binding : CacheMethodReader.OPERATIONS) {
      event
          .configureInterceptorBinding(binding)
          .methods()
          .forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
    }
    for (Class<?> bean : BEANS) {
      event.addAnnotatedType(
          beanManager.createAnnotatedType(bean),
          LarderCacheExtension.class.getName() + "." + bean.getSimpleName());
    }
  }

  /** Vetoes copies of Larder's beans found by scanning, so each interceptor runs once. */
  <T> void vetoScannedCopies(
      @Observes @WithAnnotations({ApplicationScoped.class, jakarta.interceptor.Interceptor.class})
          ProcessAnnotatedType<T> event) {
    if (!(event instanceof ProcessSyntheticAnnotatedType)
        && BEANS.contains(event.getAnnotatedType().getJavaClass())) {
      event.veto();
    }
  }

  <T> void validateCachedMethods(@Observes ProcessManagedBean<T> event) {
    Bean<?> bean = event.getBean();
    if (bean instanceof Interceptor || bean instanceof Decorator) {
      return;
    }
    Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
    List<String> problems = new ArrayList<>(CacheMethodReader.checkClass(beanClass));
    for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
      CacheMethod<?> cached = CacheMethodReader.read(beanClass, method.getJavaMember(), problems);
      if (cached != null && (cached.resolverFactory() != null || cached.keyGenerator() != null)) {
        synchronized (customized) {
          customized.add(cached);
        }
      }
    }
    problems.stream().distinct().forEach(p -> event.addDefinitionError(new DefinitionException(p)));
  }

  void validateDeployment(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
    requireAtMostOne(beanManager, CacheManager.class, Misuse.AMBIGUOUS_CACHE_MANAGER, event);
    requireAtMostOne(beanManager, TenantResolver.class, Misuse.AMBIGUOUS_TENANT_RESOLVER, event);
    List<CacheMethod<?>> methods;
    synchronized (customized) {
      methods = List.copyOf(customized);
      customized.clear();
    }
    for (CacheMethod<?> method : methods) {
      Stream.of(method.resolverFactory(), method.keyGenerator())
          .filter(Objects::nonNull)
          .filter(type -> beanManager.getBeans(type).isEmpty())
          .filter(type -> !CacheMethodReader.constructible(type))
          .forEach(
              type ->
                  event.addDeploymentProblem(
                      new DeploymentException(
                          Misuse.NOT_INSTANTIABLE.format(method.describe(), type.getName()))));
    }
  }

  private static void requireAtMostOne(
      BeanManager beanManager, Class<?> type, Misuse misuse, AfterDeploymentValidation event) {
    Set<Bean<?>> beans = beanManager.getBeans(type);
    if (beans.size() < 2) {
      return;
    }
    try {
      beanManager.resolve(beans);
    } catch (AmbiguousResolutionException e) {
      String names =
          beans.stream()
              .map(b -> b.getBeanClass().getName() + Arrays.toString(b.getQualifiers().toArray()))
              .sorted()
              .collect(Collectors.joining(", "));
      event.addDeploymentProblem(new DeploymentException(misuse.format(names), e));
    }
  }
}

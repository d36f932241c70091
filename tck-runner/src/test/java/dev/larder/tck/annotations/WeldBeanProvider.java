package dev.larder.tck.annotations;

import dev.larder.cdi.LarderCacheExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.cache.annotation.BeanProvider;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import manager.CacheNameOnEachMethodBlogManagerImpl;
import manager.ClassLevelCacheConfigBlogManagerImpl;
import manager.UsingDefaultCacheNameBlogManagerImpl;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs the JSR-107 annotation TCK on Weld 6 with larder-cdi. The TCK's own CDI harness is
 * javax-only, and the TCK silently skips its annotation tests when no provider loads, so this one
 * refuses to load (the TCK then logs "Failed to load BeanProvider", which the report check rejects)
 * unless Larder's interceptors really are bound to the annotations the TCK's beans use.
 */
public final class WeldBeanProvider implements BeanProvider {

  private static final List<Class<?>> BLOG_MANAGERS =
      List.of(
          CacheNameOnEachMethodBlogManagerImpl.class,
          ClassLevelCacheConfigBlogManagerImpl.class,
          UsingDefaultCacheNameBlogManagerImpl.class);

  private final WeldContainer container;

  public WeldBeanProvider() {
    Weld weld =
        new Weld("larder-annotation-tck")
            .disableDiscovery()
            .addExtension(new LarderCacheExtension())
            .addBeanClass(TckTenant.class);
    BLOG_MANAGERS.forEach(weld::addBeanClass);
    container = weld.initialize();
    Runtime.getRuntime().addShutdownHook(new Thread(container::close));
    requireInterceptors(container.getBeanManager());
  }

  private static void requireInterceptors(BeanManager beans) {
    try {
      Class<?> bean = CacheNameOnEachMethodBlogManagerImpl.class;
      List<Annotation> bindings =
          List.of(
              bean.getMethod("getEntryCached", String.class).getAnnotation(CacheResult.class),
              bean.getMethod("clearEntryFromCache", String.class).getAnnotation(CacheRemove.class),
              bean.getMethod("clearCache").getAnnotation(CacheRemoveAll.class));
      for (Annotation binding : bindings) {
        if (beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding).isEmpty()) {
          throw new IllegalStateException(
              "no interceptor is bound to "
                  + binding
                  + ": the annotation TCK would not test Larder");
        }
      }
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the TCK's blog manager changed", e);
    }
  }

  @Override
  public <T> T getBeanByType(Class<T> beanClass) {
    return container.select(beanClass).get();
  }
}

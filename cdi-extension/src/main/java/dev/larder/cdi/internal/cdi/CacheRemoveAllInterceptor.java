package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.LarderCacheExtension;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemoveAll;

/**
 * Applies {@link CacheRemoveAll}; the logic is in {@link
 * dev.larder.cdi.internal.CacheOperations#removeAll}.
 */
@CacheRemoveAll
@Interceptor
@Priority(LarderCacheExtension.INTERCEPTOR_PRIORITY)
public class CacheRemoveAllInterceptor {

  private final CacheInterception interception;

  @Inject
  public CacheRemoveAllInterceptor(CacheInterception interception) {
    this.interception = interception;
  }

  @AroundInvoke
  public Object intercept(InvocationContext context) throws Exception {
    return interception.operations().removeAll(new CdiInvocation(context));
  }
}

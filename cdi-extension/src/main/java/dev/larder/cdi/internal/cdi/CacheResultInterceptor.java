package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.LarderCacheExtension;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;

/**
 * Applies {@link CacheResult}; the logic is in {@link
 * dev.larder.cdi.internal.CacheOperations#result}.
 */
@CacheResult
@Interceptor
@Priority(LarderCacheExtension.INTERCEPTOR_PRIORITY)
public class CacheResultInterceptor {

  private final CacheInterception interception;

  @Inject
  public CacheResultInterceptor(CacheInterception interception) {
    this.interception = interception;
  }

  @AroundInvoke
  public Object intercept(InvocationContext context) throws Exception {
    return interception.operations().result(new CdiInvocation(context));
  }
}

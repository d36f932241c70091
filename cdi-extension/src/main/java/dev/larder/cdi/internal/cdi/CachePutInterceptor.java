package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.LarderCacheExtension;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CachePut;

/**
 * Applies {@link CachePut}; the logic is in {@link dev.larder.cdi.internal.CacheOperations#put}.
 */
@CachePut
@Interceptor
@Priority(LarderCacheExtension.INTERCEPTOR_PRIORITY)
public class CachePutInterceptor {

  private final CacheInterception interception;

  @Inject
  public CachePutInterceptor(CacheInterception interception) {
    this.interception = interception;
  }

  @AroundInvoke
  public Object intercept(InvocationContext context) throws Exception {
    return interception.operations().put(new CdiInvocation(context));
  }
}

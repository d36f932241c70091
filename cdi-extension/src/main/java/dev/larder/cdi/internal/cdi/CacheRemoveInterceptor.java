package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.LarderCacheExtension;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemove;

/**
 * Applies {@link CacheRemove}; the logic is in {@link
 * dev.larder.cdi.internal.CacheOperations#remove}.
 */
@CacheRemove
@Interceptor
@Priority(LarderCacheExtension.INTERCEPTOR_PRIORITY)
public class CacheRemoveInterceptor {

  private final CacheInterception interception;

  @Inject
  public CacheRemoveInterceptor(CacheInterception interception) {
    this.interception = interception;
  }

  @AroundInvoke
  public Object intercept(InvocationContext context) throws Exception {
    return interception.operations().remove(new CdiInvocation(context));
  }
}

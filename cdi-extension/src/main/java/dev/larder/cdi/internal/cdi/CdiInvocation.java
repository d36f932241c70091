package dev.larder.cdi.internal.cdi;

import dev.larder.cdi.internal.Invocation;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/** A CDI {@link InvocationContext} as the interception logic's {@link Invocation}. */
record CdiInvocation(InvocationContext context) implements Invocation {

  @Override
  public Object target() {
    return context.getTarget();
  }

  @Override
  public Method method() {
    return context.getMethod();
  }

  @Override
  public Object[] parameters() {
    return context.getParameters();
  }

  @Override
  public Object proceed() throws Exception {
    return context.proceed();
  }
}

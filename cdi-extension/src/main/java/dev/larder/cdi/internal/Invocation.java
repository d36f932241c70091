package dev.larder.cdi.internal;

import java.lang.reflect.Method;

/** One intercepted call, as the interception logic sees it; the CDI layer adapts its own. */
public interface Invocation {

  /** The bean instance the method was called on. */
  Object target();

  Method method();

  /** The arguments, in declaration order. */
  Object[] parameters();

  /** Calls the method itself (or the next interceptor). */
  Object proceed() throws Exception;
}

package dev.larder.cdi.custom;

import java.lang.annotation.Annotation;
import java.util.Locale;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.GeneratedCacheKey;

/** A key generator that is not a bean: made with its no-argument constructor. */
public class CodeKeyGenerator implements CacheKeyGenerator {

  /** Region codes compare case-insensitively. */
  public record CodeKey(String code) implements GeneratedCacheKey {}

  @Override
  public GeneratedCacheKey generateCacheKey(
      CacheKeyInvocationContext<? extends Annotation> context) {
    String code = (String) context.getKeyParameters()[0].getValue();
    return new CodeKey(code.toUpperCase(Locale.ROOT));
  }
}

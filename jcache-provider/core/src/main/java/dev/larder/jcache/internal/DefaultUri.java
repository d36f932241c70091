package dev.larder.jcache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Properties;
import javax.cache.CacheException;

/**
 * Finds the default cache manager URI: the {@code larder.uri} system property, then the {@code
 * LARDER_URI} environment variable, then {@code larder.uri} in a classpath {@code
 * larder.properties}, else {@code memory:default} (also written {@code memory:}).
 */
public final class DefaultUri {

  public static final String PROPERTY = "larder.uri";
  public static final String ENVIRONMENT = "LARDER_URI";
  public static final String RESOURCE = "larder.properties";

  /**
   * The embedded default. {@code java.net.URI} cannot hold a bare {@code memory:}, so that text is
   * read as this URI.
   */
  public static final URI MEMORY = URI.create("memory:default");

  private DefaultUri() {}

  public static URI resolve(ClassLoader classLoader) {
    String text = System.getProperty(PROPERTY);
    String source = "system property " + PROPERTY;
    if (isBlank(text)) {
      text = System.getenv(ENVIRONMENT);
      source = "environment variable " + ENVIRONMENT;
    }
    if (isBlank(text)) {
      text = fromResource(classLoader);
      source = RESOURCE + " on the class path";
    }
    if (isBlank(text)) {
      return MEMORY;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new CacheException(
          "LARDER-030: the default cache manager URI from the "
              + source
              + " is not a valid URI; fix it or remove it to use memory:",
          e);
    }
  }

  /** Parses URI text, reading a bare {@code memory:} as {@link #MEMORY}. */
  public static URI parse(String text) {
    String trimmed = text.trim();
    return "memory:".equalsIgnoreCase(trimmed) ? MEMORY : URI.create(trimmed);
  }

  private static String fromResource(ClassLoader classLoader) {
    if (classLoader == null) {
      return null;
    }
    try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(PROPERTY);
    } catch (IOException e) {
      throw new CacheException("LARDER-031: could not read " + RESOURCE + ": " + e, e);
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}

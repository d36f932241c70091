package dev.larder.jcache.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code name=value} parameters from a URI's query, for hierarchical ({@code redis://h?x=1})
 * and opaque ({@code memory:?x=1}) URIs alike.
 */
public final class UriParameters {

  private UriParameters() {}

  public static Map<String, String> of(URI uri) {
    String query = uri.isOpaque() ? queryOfOpaque(uri) : uri.getRawQuery();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(decode(name), decode(value));
    }
    return parameters;
  }

  private static String queryOfOpaque(URI uri) {
    String part = uri.getRawSchemeSpecificPart();
    int question = part.indexOf('?');
    return question < 0 ? null : part.substring(question + 1);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The URI as text without user information, for messages, logs and MBean names. */
  public static String redact(URI uri) {
    if (uri.isOpaque() || uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    String text = uri.toString();
    return text.replace(uri.getRawUserInfo() + "@", "***@");
  }
}

package dev.larder.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the backend of a TCK run before the first test. The TCK only ever uses the default URI,
 * so this starts the server named by {@code larder.tck.backend} (a {@link TckBackend} class) and
 * sets {@code larder.uri} to it. Every run gets a fresh {@code larder.namespace}, because the TCK
 * closes caches without destroying them and a remote store would keep their entries.
 *
 * <p>It writes the URI it set to {@code larder.tck.marker}, which the report check reads: a run
 * whose backend never started must not pass as a green run on the default memory backend.
 */
public final class BackendSessionListener implements LauncherSessionListener {

  private TckBackend backend;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    System.setProperty("larder.namespace", "tck-" + UUID.randomUUID());
    String type = System.getProperty("larder.tck.backend");
    String scheme;
    try {
      if (type == null || type.isBlank()) {
        String text = System.getProperty("larder.uri", "memory:");
        scheme = text.substring(0, text.indexOf(':'));
      } else {
        backend = (TckBackend) Class.forName(type.trim()).getDeclaredConstructor().newInstance();
        URI uri = backend.start();
        System.setProperty("larder.uri", uri.toString());
        scheme = uri.getScheme();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not start the TCK backend " + type, e);
    }
    String marker = System.getProperty("larder.tck.marker");
    if (marker != null) {
      try {
        Path path = Path.of(marker);
        Files.createDirectories(path.getParent());
        Files.writeString(path, scheme + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (backend == null) {
      return;
    }
    try {
      backend.close();
    } catch (Exception e) {
      System.err.println("stopping the TCK backend failed: " + e);
    } finally {
      backend = null;
    }
  }
}

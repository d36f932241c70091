package dev.larder.tck;

import java.net.URI;
import java.util.UUID;
import org.junit.runner.Description;
import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

/**
 * Prepares the backend of a TCK run before the first test: the TCK only ever uses the default URI,
 * so this starts the server named by {@code larder.tck.backend} (a {@link TckBackend} class) and
 * sets {@code larder.uri} to it. Every run also gets a fresh {@code larder.namespace}, because the
 * TCK closes caches without destroying them and a remote store would keep their entries.
 */
public final class BackendListener extends RunListener {

  private TckBackend backend;

  @Override
  public void testRunStarted(Description description) throws Exception {
    System.setProperty("larder.namespace", "tck-" + UUID.randomUUID());
    String type = System.getProperty("larder.tck.backend");
    if (type == null || type.isBlank()) {
      return;
    }
    backend =
        (TckBackend) Class.forName(type.trim()).getDeclaredConstructor().newInstance();
    URI uri = backend.start();
    System.setProperty("larder.uri", uri.toString());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
  }

  @Override
  public void testRunFinished(Result result) {
    stopQuietly();
  }

  private synchronized void stopQuietly() {
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

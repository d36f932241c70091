package dev.larder.testkit.redis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes every test server still open when the JVM shuts down, so no {@code redis-server} outlives
 * the tests even when a test forgets {@code close()}. A shutdown hook is JVM-wide by nature, hence
 * the static registry. (If the JVM is killed outright, each server's stdin watchdog stops it
 * instead; see {@link RedisProcess}.)
 */
final class ProcessReaper {

  private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private ProcessReaper() {}

  static synchronized void register(AutoCloseable server) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ProcessReaper::closeAll, "larder-testkit-redis-reaper"));
      hookInstalled = true;
    }
    OPEN.add(server);
  }

  static synchronized void unregister(AutoCloseable server) {
    OPEN.remove(server);
  }

  private static void closeAll() {
    List<AutoCloseable> servers;
    synchronized (ProcessReaper.class) {
      servers = new ArrayList<>(OPEN);
    }
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception e) {
        // best effort while the JVM exits: the watchdog still kills the process
      }
    }
  }
}

package dev.larder.jcache.management;

import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers and unregisters a cache's MXBeans on the platform MBeanServer under the names the spec
 * gives: {@code javax.cache:type=CacheConfiguration|CacheStatistics,CacheManager=..,Cache=..}. The
 * manager part is the URI without user information, so no secret reaches a name.
 */
public final class MBeans {

  /** The two kinds of MXBean a cache has. */
  public enum Kind {
    CONFIGURATION("CacheConfiguration"),
    STATISTICS("CacheStatistics");

    private final String type;

    Kind(String type) {
      this.type = type;
    }
  }

  private MBeans() {}

  public static ObjectName name(Kind kind, String managerName, String cacheName) {
    String text =
        "javax.cache:type="
            + kind.type
            + ",CacheManager="
            + sanitize(managerName)
            + ",Cache="
            + sanitize(cacheName);
    try {
      return new ObjectName(text);
    } catch (JMException e) {
      throw new CacheException("LARDER-010: invalid MBean name " + text, e);
    }
  }

  private static String sanitize(String text) {
    // the spec's replacements (, : = newline), plus the characters that would make the name a
    // pattern or need quoting (* ? " and the backslash), which URIs with a query carry
    return text == null ? "" : text.replaceAll("[,:=\n*?\"\\\\]", ".");
  }

  /** Registers the bean, replacing nothing: a name already taken is left as it is. */
  public static void register(Object bean, ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException e) {
      // registered concurrently by the same cache: nothing to do
    } catch (JMException e) {
      throw new CacheException("LARDER-011: could not register MBean " + name, e);
    }
  }

  public static void unregister(ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException e) {
      // already gone
    } catch (JMException e) {
      throw new CacheException("LARDER-012: could not unregister MBean " + name, e);
    }
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Partition;
import java.nio.charset.StandardCharsets;

/**
 * Redis key names of the extension structures, beside the entries of {@link KeyLayout} and never
 * matching its {@code larder:} pattern. Names are percent-encoded like entry keys, so any string is
 * legal and no name can add a brace:
 *
 * <ul>
 *   <li>{@code larder-idx:<ns>:<cache>:<tenant>:<index>}: a hash of entry key to the version of the
 *       write that filed it;
 *   <li>{@code larder-idxs:<ns>:<cache>:<tenant>}: the set of a partition's index names, so
 *       clearing the partition finds them without a scan;
 *   <li>{@code larder-q:<ns>:<queue>:<tenant>}: a list, pushed on the left, popped on the right;
 *   <li>{@code larder-lock:{<ns>:<lock>:<tenant>}} (the holder's token, with the lease's TTL) and
 *       the same {@code :fence} (the fencing counter): one hash tag, so one script on a cluster
 *       node takes the lease and counts the token.
 * </ul>
 */
final class ExtensionKeys {

  private ExtensionKeys() {}

  static byte[] index(Partition partition, String index) {
    return ascii("larder-idx:" + scope(partition) + ":" + KeyLayout.encode(index));
  }

  static byte[] indexNames(Partition partition) {
    return ascii("larder-idxs:" + scope(partition));
  }

  static byte[] queue(Partition queue) {
    return ascii("larder-q:" + scope(queue));
  }

  static byte[] lock(Partition lock) {
    return ascii("larder-lock:{" + scope(lock) + "}");
  }

  static byte[] fence(Partition lock) {
    return ascii("larder-lock:{" + scope(lock) + "}:fence");
  }

  private static String scope(Partition partition) {
    return KeyLayout.encode(partition.namespace())
        + ":"
        + KeyLayout.encode(partition.cache())
        + ":"
        + KeyLayout.encode(partition.tenant());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

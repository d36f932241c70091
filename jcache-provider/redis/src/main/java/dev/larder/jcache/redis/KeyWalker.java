package dev.larder.jcache.redis;

import dev.larder.jcache.spi.KeyPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Walks one partition's keys with {@code SCAN MATCH}, page by page, on a single node or on every
 * master of a cluster in turn; never {@code KEYS}. The cursor is {@code node/scanCursor}. The
 * master list is read when a walk starts. Thread-safe.
 */
final class KeyWalker {

  private final RedisConnection connection;
  private final KeyLayout layout;
  private volatile List<ConnectionPool> masters = List.of();

  KeyWalker(RedisConnection connection, KeyLayout layout) {
    this.connection = connection;
    this.layout = layout;
  }

  KeyPage page(String cursor, int pageSize) {
    int node = 0;
    String scanCursor = ScanParams.SCAN_POINTER_START;
    if (cursor == null) {
      if (connection.isCluster()) {
        masters = connection.masters();
      }
    } else {
      int slash = cursor.indexOf('/');
      node = Integer.parseInt(cursor.substring(0, slash));
      scanCursor = cursor.substring(slash + 1);
    }
    ScanParams params = new ScanParams().match(layout.pattern()).count(Math.max(pageSize, 10));
    byte[] scanFrom = scanCursor.getBytes(StandardCharsets.US_ASCII);
    ScanResult<byte[]> result;
    int nodes;
    if (connection.isCluster()) {
      List<ConnectionPool> known = masters;
      nodes = known.size();
      if (nodes == 0) {
        return new KeyPage(List.of(), null);
      }
      try (Connection c = known.get(node).getResource()) {
        result = new Jedis(c).scan(scanFrom, params);
      }
    } else {
      nodes = 1;
      result = connection.client().scan(scanFrom, params);
    }
    List<Object> keys = new ArrayList<>(result.getResult().size());
    for (byte[] redisKey : result.getResult()) {
      if (layout.owns(redisKey)) {
        keys.add(layout.entryKey(redisKey));
      }
    }
    String next;
    if (!result.isCompleteIteration()) {
      next = node + "/" + result.getCursor();
    } else if (node + 1 < nodes) {
      next = (node + 1) + "/" + ScanParams.SCAN_POINTER_START;
    } else {
      next = null;
    }
    return new KeyPage(keys, next);
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.spi.IndexMember;
import dev.larder.jcache.spi.IndexPage;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The indices of one Redis partition ({@link ExtensionKeys}): per index a hash of entry key to the
 * hex version of the write that filed it. {@link RedisStore} files a key after its write applied,
 * so a member's version is never newer than its entry; stale members go with a script that drops
 * each only if its version is unchanged, so a key filed again meanwhile stays. Walked with {@code
 * HSCAN}. Thread-safe.
 */
final class RedisIndices implements IndexStore {

  /** KEYS: the index. ARGV: entry key, version, entry key, version, ... Drops unchanged ones. */
  private static final Scripts.Script REMOVE_STALE =
      new Scripts.Script(
          """
          local removed = 0
          for i = 1, #ARGV, 2 do
            if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
              removed = removed + redis.call('HDEL', KEYS[1], ARGV[i])
            end
          end
          return removed
          """);

  private final RedisConnection connection;
  private final UnifiedJedis client;
  private final Partition partition;
  private final byte[] names;

  RedisIndices(RedisConnection connection, Partition partition) {
    this.connection = connection;
    this.client = connection.client();
    this.partition = partition;
    this.names = ExtensionKeys.indexNames(partition);
  }

  /** Files entry keys under their writes' tags, in one pipeline; lists align. */
  void file(List<byte[]> entryKeys, List<Long> versions, List<Set<String>> tags) {
    call(
        "file keys in indices",
        () -> {
          try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < entryKeys.size(); i++) {
              file(pipeline, entryKeys.get(i), versions.get(i), tags.get(i));
            }
            pipeline.sync();
          }
          return null;
        });
  }

  /** Queues the commands that file one entry key on {@code pipeline}. */
  void file(AbstractPipeline pipeline, byte[] entryKey, long version, Set<String> tags) {
    byte[] hexVersion = hex(version);
    for (String tag : tags) {
      pipeline.hset(ExtensionKeys.index(partition, tag), entryKey, hexVersion);
      pipeline.sadd(names, tag.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public IndexPage members(String index, String cursor, int pageSize) {
    byte[] from =
        (cursor == null ? ScanParams.SCAN_POINTER_START : cursor)
            .getBytes(StandardCharsets.US_ASCII);
    ScanResult<Map.Entry<byte[], byte[]>> result =
        call(
            "walk an index",
            () ->
                client.hscan(
                    ExtensionKeys.index(partition, index),
                    from,
                    new ScanParams().count(Math.max(pageSize, 10))));
    List<IndexMember> members = new ArrayList<>(result.getResult().size());
    for (Map.Entry<byte[], byte[]> member : result.getResult()) {
      members.add(
          new IndexMember(
              member.getKey(),
              Long.parseUnsignedLong(
                  new String(member.getValue(), StandardCharsets.US_ASCII), 16)));
    }
    return new IndexPage(members, result.isCompleteIteration() ? null : result.getCursor());
  }

  @Override
  public void removeStale(String index, List<IndexMember> members) {
    List<byte[]> args = new ArrayList<>(members.size() * 2);
    for (IndexMember member : members) {
      args.add((byte[]) member.key());
      args.add(hex(member.version()));
    }
    call(
        "clean an index",
        () -> REMOVE_STALE.call(client, ExtensionKeys.index(partition, index), args));
  }

  /** Drops every index of the partition. */
  void clear() {
    call(
        "clear indices",
        () -> {
          Set<byte[]> tags = client.smembers(names);
          try (AbstractPipeline pipeline = client.pipelined()) {
            for (byte[] tag : tags) {
              pipeline.unlink(
                  ExtensionKeys.index(partition, new String(tag, StandardCharsets.UTF_8)));
            }
            pipeline.unlink(names);
            pipeline.sync();
          }
          return null;
        });
  }

  private static byte[] hex(long version) {
    return EntryFormat.hex(version).getBytes(StandardCharsets.US_ASCII);
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (JedisException e) {
      StoreException explained = RedisConnection.explain(connection.endpoint(), e);
      throw new StoreException(operation + ": " + explained.getMessage(), e);
    }
  }
}

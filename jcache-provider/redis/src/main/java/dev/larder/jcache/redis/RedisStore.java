package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * One partition in Redis: one Redis string per entry ({@link EntryFormat}) under a key of {@link
 * KeyLayout}. Plain reads and unconditional writes are single plain commands ({@code GET}, {@code
 * MGET}, {@code SET .. PX [GET]}, {@code GETDEL}); conditional writes are one bounded Lua call;
 * bulk operations are one pipeline (one round trip per cluster node; on one node the eternal
 * entries of a {@code putAll} go as one {@code MSET}). The native TTL sits a second past the
 * entry's own expiry: the core decides expiry by its clock, Redis only collects the garbage.
 *
 * <p>Lost replies: a call whose connection fails is sent once more, on another connection, when
 * sending it twice has the effect of once: reads, and writes, which carry their own version and
 * recognize themselves stored ({@link WriteResult#replayed()}); so a single-node client, which does
 * not retry, survives a reply lost after the server applied a write. A write recognizes itself only
 * while it is still the stored entry: if another client wrote the key between the lost reply and
 * the retry, a plain {@code SET} is stored again over theirs, and a conditional write is decided
 * again on what they stored, so it may apply a second time or report that it did not apply.
 * Removals are sent once (see {@link #removal}). Thread-safe.
 */
final class RedisStore implements Store {

  /** How long Redis keeps an entry past its expiry, so the core can still see it expire. */
  static final long GRACE_MILLIS = 1_000;

  private static final byte[] GRACE =
      Long.toString(GRACE_MILLIS).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP = {'K'};
  private static final byte[] NONE = {};

  private final RedisConnection connection;

  /** The clock expiries are measured on; native TTLs are sent relative to it. */
  private final Clock clock;

  private final UnifiedJedis client;
  private final Partition partition;
  private final KeyLayout layout;
  private final KeyWalker walker;
  private final RedisIndices indices;

  RedisStore(RedisConnection connection, Partition partition, Clock clock) {
    this.connection = connection;
    this.clock = clock;
    this.client = connection.client();
    this.partition = partition;
    this.layout = new KeyLayout(partition);
    this.walker = new KeyWalker(connection, layout);
    this.indices = new RedisIndices(connection, partition);
  }

  @Override
  public Partition partition() {
    return partition;
  }

  @Override
  public StoredEntry get(Object key) {
    byte[] blob = read("get", () -> client.get(redisKey(key)));
    return decode(blob, "get");
  }

  @Override
  public StoredEntry getAndTouch(Object key, long now, long expiresAt) {
    List<byte[]> args = List.of(ascii(now), hex(expiresAt), GRACE);
    // sent again, it finds the expiry already set and only reads: a read to retry
    Object blob = read("get", () -> Scripts.GET_AND_TOUCH.call(client, redisKey(key), args));
    return decode((byte[]) blob, "get");
  }

  @Override
  public List<StoredEntry> getAll(List<?> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<byte[]> blobs;
    if (connection.isCluster()) {
      blobs =
          read(
              "get all",
              () -> {
                try (AbstractPipeline pipeline = client.pipelined()) {
                  List<Response<byte[]>> responses = new ArrayList<>(keys.size());
                  keys.forEach(key -> responses.add(pipeline.get(redisKey(key))));
                  pipeline.sync();
                  List<byte[]> values = new ArrayList<>(keys.size());
                  responses.forEach(response -> values.add(response.get()));
                  return values;
                }
              });
    } else {
      byte[][] redisKeys = keys.stream().map(this::redisKey).toArray(byte[][]::new);
      blobs = read("get all", () -> client.mget(redisKeys));
    }
    List<StoredEntry> entries = new ArrayList<>(blobs.size());
    blobs.forEach(blob -> entries.add(decode(blob, "get all")));
    return entries;
  }

  @Override
  public WriteResult put(
      Object key, Write write, Condition condition, long now, boolean returnPrevious) {
    byte[] redisKey = redisKey(key);
    long version = write.version();
    if (condition.kind() == Condition.Kind.ALWAYS && !write.dependsOnCurrent()) {
      byte[] entry = EntryFormat.encode(version, write.expiresAt(), write);
      SetParams params = expiry(write.expiresAt(), clock.millis());
      boolean fileInPipeline = !write.tags().isEmpty() && !connection.isCluster();
      byte[] old =
          write(
              "put",
              () -> {
                if (fileInPipeline) {
                  // one node runs a pipeline in order: the entry, then its index members
                  try (AbstractPipeline pipeline = client.pipelined()) {
                    Response<byte[]> previous =
                        returnPrevious ? pipeline.setGet(redisKey, entry, params) : null;
                    if (!returnPrevious) {
                      pipeline.set(redisKey, entry, params);
                    }
                    indices.file(pipeline, (byte[]) key, version, write.tags());
                    pipeline.sync();
                    return previous == null ? null : previous.get();
                  }
                }
                if (returnPrevious) {
                  return client.setGet(redisKey, entry, params);
                }
                client.set(redisKey, entry, params);
                return null;
              });
      if (!fileInPipeline) {
        file(key, version, write);
      }
      StoredEntry replaced = decode(old, "put");
      if (replaced != null && replaced.version() == version) {
        // a SET retried after its reply was lost finds itself: what it replaced is unknown
        return WriteResult.replayedWrite();
      }
      return WriteResult.of(true, replaced, now, returnPrevious);
    }
    List<byte[]> args = putArgs(condition, now, version, write);
    Object reply = write("put", () -> Scripts.PUT.call(client, redisKey, args));
    WriteResult result = result(reply, now, returnPrevious, "put");
    if (result.applied()) {
      file(key, version, write);
    }
    return result;
  }

  /** Files a tagged write's key in its indices, after the write applied (see RedisIndices). */
  private void file(Object key, long version, Write write) {
    if (!write.tags().isEmpty()) {
      indices.file(List.of((byte[]) key), List.of(version), List.of(write.tags()));
    }
  }

  private List<byte[]> putArgs(Condition condition, long now, long version, Write write) {
    return List.of(
        kind(condition),
        conditionArgument(condition),
        ascii(now),
        EntryFormat.head(version),
        hex(write.expiresAt()),
        write.expiresAtIfPresent() == Write.KEEP ? KEEP : hex(write.expiresAtIfPresent()),
        EntryFormat.tail(write),
        GRACE,
        ascii(clock.millis()));
  }

  @Override
  public void putAll(List<?> keys, List<Write> writes) {
    if (keys.isEmpty()) {
      return;
    }
    List<byte[]> taggedKeys = new ArrayList<>();
    List<Long> taggedVersions = new ArrayList<>();
    List<java.util.Set<String>> tags = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Write write = writes.get(i);
      if (!write.tags().isEmpty()) {
        taggedKeys.add((byte[]) keys.get(i));
        taggedVersions.add(write.version());
        tags.add(write.tags());
      }
    }
    // each SET stores the same bytes again and each script finds its own version: sent twice,
    // the pipeline applies once
    write(
        "put all",
        () -> {
          List<Response<Object>> scripted = new ArrayList<>();
          List<Integer> scriptedAt = new ArrayList<>();
          List<List<byte[]>> scriptedArgs = new ArrayList<>();
          // one node: the eternal entries go as one MSET (one command to parse, not one per key)
          List<byte[]> eternal = connection.isCluster() ? null : new ArrayList<>();
          try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < keys.size(); i++) {
              Write write = writes.get(i);
              byte[] redisKey = redisKey(keys.get(i));
              long version = write.version();
              if (write.dependsOnCurrent()) {
                List<byte[]> args = putArgs(Condition.always(), write.writtenAt(), version, write);
                scripted.add(pipeline.evalsha(Scripts.PUT.sha, List.of(redisKey), args));
                scriptedAt.add(i);
                scriptedArgs.add(args);
              } else if (eternal != null && write.expiresAt() == StoredEntry.ETERNAL) {
                eternal.add(redisKey);
                eternal.add(EntryFormat.encode(version, StoredEntry.ETERNAL, write));
              } else {
                pipeline.set(
                    redisKey,
                    EntryFormat.encode(version, write.expiresAt(), write),
                    expiry(write.expiresAt(), clock.millis()));
              }
            }
            if (eternal != null && !eternal.isEmpty()) {
              pipeline.mset(eternal.toArray(byte[][]::new));
            }
            pipeline.sync();
          }
          for (int i = 0; i < scripted.size(); i++) {
            try {
              scripted.get(i).get();
            } catch (redis.clients.jedis.exceptions.JedisDataException e) {
              if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
                throw e;
              }
              // a node that had not seen the script yet: EVAL it once, which also caches it
              Scripts.PUT.call(client, redisKey(keys.get(scriptedAt.get(i))), scriptedArgs.get(i));
            }
          }
          return null;
        });
    if (!taggedKeys.isEmpty()) {
      indices.file(taggedKeys, taggedVersions, tags);
    }
  }

  @Override
  public WriteResult remove(Object key, Condition condition, long now, boolean returnPrevious) {
    byte[] redisKey = redisKey(key);
    switch (condition.kind()) {
      case ALWAYS -> {
        byte[] old =
            removal(
                "remove",
                () -> {
                  if (returnPrevious) {
                    return client.getDel(redisKey);
                  }
                  client.del(redisKey);
                  return null;
                });
        return WriteResult.of(true, decode(old, "remove"), now, returnPrevious);
      }
      default -> {
        List<byte[]> args = List.of(kind(condition), conditionArgument(condition), ascii(now));
        Object reply = removal("remove", () -> Scripts.REMOVE.call(client, redisKey, args));
        return result(reply, now, returnPrevious, "remove");
      }
    }
  }

  @Override
  public void removeAll(List<?> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<byte[]> redisKeys = new ArrayList<>(keys.size());
    keys.forEach(key -> redisKeys.add(redisKey(key)));
    unlink(redisKeys);
  }

  private void unlink(List<byte[]> redisKeys) {
    removal(
        "remove all",
        () -> {
          if (connection.isCluster()) {
            try (AbstractPipeline pipeline = client.pipelined()) {
              redisKeys.forEach(pipeline::unlink);
              pipeline.sync();
            }
          } else {
            client.unlink(redisKeys.toArray(byte[][]::new));
          }
          return null;
        });
  }

  @Override
  public boolean touch(Object key, long version, long expiresAt) {
    List<byte[]> args = List.of(hex(version), hex(expiresAt), GRACE, ascii(clock.millis()));
    // sent again, it finds the same version and sets the same expiry
    Object reply = write("touch", () -> Scripts.TOUCH.call(client, redisKey(key), args));
    return reply instanceof Long changed && changed == 1L;
  }

  /** One pipeline of {@code TOUCH} scripts: one round trip per node. */
  @Override
  public void touchAll(List<?> keys, List<Long> versions, List<Long> expiries) {
    if (keys.isEmpty()) {
      return;
    }
    byte[] now = ascii(clock.millis());
    List<byte[]> redisKeys = new ArrayList<>(keys.size());
    List<List<byte[]>> args = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      redisKeys.add(redisKey(keys.get(i)));
      args.add(List.of(hex(versions.get(i)), hex(expiries.get(i)), GRACE, now));
    }
    // sent again, each script finds the same version and sets the same expiry
    write(
        "touch all",
        () -> {
          List<Response<Object>> replies = new ArrayList<>(keys.size());
          try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < redisKeys.size(); i++) {
              replies.add(
                  pipeline.evalsha(Scripts.TOUCH.sha, List.of(redisKeys.get(i)), args.get(i)));
            }
            pipeline.sync();
          }
          for (int i = 0; i < replies.size(); i++) {
            try {
              replies.get(i).get();
            } catch (redis.clients.jedis.exceptions.JedisDataException e) {
              if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
                throw e;
              }
              // a node that had not seen the script yet: EVAL it once, which also caches it
              Scripts.TOUCH.call(client, redisKeys.get(i), args.get(i));
            }
          }
          return null;
        });
  }

  @Override
  public KeyPage keys(String cursor, int pageSize) {
    return read("walk keys", () -> walker.page(cursor, pageSize));
  }

  @Override
  public void clear() {
    String cursor = null;
    do {
      String from = cursor;
      KeyPage page = read("clear", () -> walker.page(from, 1_000));
      List<byte[]> redisKeys = new ArrayList<>(page.keys().size());
      page.keys().forEach(key -> redisKeys.add(redisKey(key)));
      if (!redisKeys.isEmpty()) {
        unlink(redisKeys);
      }
      cursor = page.cursor();
    } while (cursor != null);
    indices.clear();
  }

  @Override
  public IndexStore indices() {
    return indices;
  }

  private WriteResult result(Object reply, long now, boolean returnPrevious, String operation) {
    List<?> parts = (List<?>) reply;
    long applied = (Long) parts.get(0);
    if (applied == 2) {
      return WriteResult.replayedWrite();
    }
    byte[] blob = parts.size() > 1 && parts.get(1) instanceof byte[] bytes ? bytes : null;
    if (applied < 0) {
      decode(blob == null ? NONE : blob, operation);
    }
    return WriteResult.of(applied == 1, decode(blob, operation), now, returnPrevious);
  }

  private byte[] redisKey(Object key) {
    if (!(key instanceof byte[] bytes)) {
      throw new StoreException(
          "the Redis store takes byte[] keys, got " + (key == null ? "null" : key.getClass()));
    }
    return layout.key(bytes);
  }

  private StoredEntry decode(byte[] blob, String operation) {
    return EntryFormat.decode(blob, "cache '" + partition.cache() + "' (" + operation + ")");
  }

  /**
   * The native TTL of an entry: relative ({@code PX}), so that it means the same on a server whose
   * clock differs from this JVM's; a grace past the entry's own expiry.
   */
  private static SetParams expiry(long expiresAt, long now) {
    SetParams params = new SetParams();
    return expiresAt == StoredEntry.ETERNAL
        ? params
        : params.px(Math.max(1, expiresAt - now) + GRACE_MILLIS);
  }

  private static byte[] kind(Condition condition) {
    return switch (condition.kind()) {
      case ALWAYS -> new byte[] {'A'};
      case IF_ABSENT -> new byte[] {'N'};
      case IF_PRESENT -> new byte[] {'P'};
      case IF_VERSION -> new byte[] {'V'};
      case IF_VALUE -> new byte[] {'Q'};
    };
  }

  private static byte[] conditionArgument(Condition condition) {
    return switch (condition.kind()) {
      case IF_VERSION -> hex(condition.version());
      case IF_VALUE -> (byte[]) condition.value();
      default -> NONE;
    };
  }

  private static byte[] hex(long value) {
    return EntryFormat.hex(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  /** A read, retried once when the connection failed (a server restarted): see {@link #retried}. */
  private <T> T read(String operation, Supplier<T> read) {
    return retried(operation, read, false);
  }

  /**
   * A write that recognizes itself by its version ({@link #put}), or sets what it sets again
   * ({@code touch}): retried once when the connection failed, which includes a reply lost after the
   * server applied the write. The retry applies nothing twice and reports what the write did.
   */
  private <T> T write(String operation, Supplier<T> write) {
    return retried(operation, write, true);
  }

  /**
   * Jedis marks the failed connection broken and its pool destroys it, so the retry runs on another
   * one. The call must do nothing else twice: no user code, logging, statistics, or collecting into
   * lists.
   */
  private <T> T retried(String operation, Supplier<T> call, boolean writes) {
    try {
      return call.get();
    } catch (JedisConnectionException first) {
      try {
        return call.get();
      } catch (JedisException e) {
        StoreException failure = failure(operation, e, writes);
        failure.addSuppressed(first);
        throw failure;
      }
    } catch (JedisException e) {
      throw failure(operation, e, writes);
    }
  }

  /**
   * A removal, sent once: it cannot recognize itself when sent again. After a lost reply a second
   * {@code GETDEL} or REMOVE script would find the key gone and report that nothing was there (so
   * {@code remove(k)} would say false for a key it removed), and a second {@code UNLINK} could
   * delete what another client wrote meanwhile. The failure is reported instead, saying that the
   * removal may have applied.
   */
  private <T> T removal(String operation, Supplier<T> removal) {
    try {
      return removal.get();
    } catch (JedisException e) {
      throw failure(operation, e, true);
    }
  }

  private StoreException failure(String operation, JedisException e, boolean writes) {
    StoreException explained = RedisConnection.explain(connection.endpoint(), e);
    String outcome =
        writes && e instanceof JedisConnectionException
            ? "; the "
                + operation
                + " may have applied before the connection failed: read the key to see what is"
                + " stored"
            : "";
    return new StoreException(operation + ": " + explained.getMessage() + outcome, e);
  }

  @Override
  public String toString() {
    return "RedisStore{" + connection.endpoint().describe() + ", " + partition + "}";
  }
}

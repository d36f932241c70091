package dev.larder.jcache.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts for writes that must read before they write: conditional puts and removals,
 * expiry changes and reads that touch. Each is bounded (one key, a few commands). Called by SHA; a
 * server that lost its script cache gets the script again ({@code NOSCRIPT} falls back to {@code
 * EVAL}, which caches it). Plain reads and unconditional writes never come here.
 */
final class Scripts {

  /** Shared by every script: the condition test on the stored header. */
  private static final String COMMON =
      """
      local blob = redis.call('GET', KEYS[1])
      if blob and string.sub(blob, 1, 2) ~= 'L1' then return {-1, blob} end
      local now = tonumber(ARGV[3])
      local live = blob and tonumber(string.sub(blob, 19, 34), 16) > now
      local kind, arg = ARGV[1], ARGV[2]
      local ok
      if kind == 'A' then ok = true
      elseif kind == 'N' then ok = not live
      elseif kind == 'P' then ok = live
      elseif kind == 'V' then
        if blob then ok = string.sub(blob, 3, 18) == arg else ok = arg == '0000000000000000' end
      elseif kind == 'Q' then
        ok = live and string.sub(blob, 59 + tonumber(string.sub(blob, 51, 58), 16)) == arg
      end
      """;

  /**
   * KEYS: the key. ARGV: kind, condition argument, now (for the condition), head (magic + version),
   * expiry when created, expiry when a live entry is replaced ('K' keeps it), tail, grace ms, the
   * client's clock now (the native TTL is relative: expiry - that + grace). Returns {applied,
   * previous blob or false}. A write that finds its own version stored is a retry of itself (its
   * first reply was lost): {2, false}, applied, with what it replaced unknown.
   */
  static final Scripts.Script PUT =
      new Script(
          COMMON
              + """
              if blob and string.sub(blob, 1, 18) == ARGV[4] then return {2, false} end
              if not ok then return {0, blob} end
              local exp = ARGV[5]
              if live then
                if ARGV[6] == 'K' then exp = string.sub(blob, 19, 34) else exp = ARGV[6] end
              end
              local entry = ARGV[4] .. exp .. ARGV[7]
              if exp == '7fffffffffffffff' then
                redis.call('SET', KEYS[1], entry)
              else
                redis.call('SET', KEYS[1], entry, 'PX', string.format('%.0f',
                  math.max(1, tonumber(exp, 16) - tonumber(ARGV[9])) + tonumber(ARGV[8])))
              end
              return {1, blob}
              """);

  /** KEYS: the key. ARGV: kind, condition argument, now. Returns {applied, previous or false}. */
  static final Scripts.Script REMOVE =
      new Script(
          COMMON
              + """
              if not ok then return {0, blob} end
              if blob then redis.call('DEL', KEYS[1]) end
              return {1, blob}
              """);

  /**
   * KEYS: the key. ARGV: version, new expiry, grace ms, the client's clock now. Changes the expiry
   * in place if the version matches, the native TTL relative to now. Returns 1 if changed.
   */
  static final Scripts.Script TOUCH =
      new Script(
          """
          local blob = redis.call('GETRANGE', KEYS[1], 0, 17)
          if string.sub(blob, 1, 2) ~= 'L1' or string.sub(blob, 3, 18) ~= ARGV[1] then return 0 end
          redis.call('SETRANGE', KEYS[1], 18, ARGV[2])
          if ARGV[2] == '7fffffffffffffff' then redis.call('PERSIST', KEYS[1])
          else
            redis.call('PEXPIRE', KEYS[1], string.format('%.0f',
              math.max(1, tonumber(ARGV[2], 16) - tonumber(ARGV[4])) + tonumber(ARGV[3])))
          end
          return 1
          """);

  /**
   * KEYS: the key. ARGV: now, new expiry, grace ms. Reads the entry and, if live, sets its expiry.
   * Returns the entry as read.
   */
  static final Scripts.Script GET_AND_TOUCH =
      new Script(
          """
          local blob = redis.call('GET', KEYS[1])
          if not blob or string.sub(blob, 1, 2) ~= 'L1' then return blob end
          local exp = string.sub(blob, 19, 34)
          if tonumber(exp, 16) > tonumber(ARGV[1]) and exp ~= ARGV[2] then
            redis.call('SETRANGE', KEYS[1], 18, ARGV[2])
            if ARGV[2] == '7fffffffffffffff' then redis.call('PERSIST', KEYS[1])
            else
              redis.call('PEXPIRE', KEYS[1], string.format('%.0f',
                math.max(1, tonumber(ARGV[2], 16) - tonumber(ARGV[1])) + tonumber(ARGV[3])))
            end
          end
          return blob
          """);

  private Scripts() {}

  /** One script with its SHA-1. Immutable. */
  static final class Script {
    final byte[] source;
    final byte[] sha;

    Script(String source) {
      this.source = source.getBytes(StandardCharsets.UTF_8);
      try {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(this.source);
        this.sha = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required of every JVM", e);
      }
    }

    Object call(UnifiedJedis client, byte[] key, List<byte[]> args) {
      List<byte[]> keys = List.of(key);
      try {
        return client.evalsha(sha, keys, args);
      } catch (JedisNoScriptException e) {
        return client.eval(source, keys, args);
      }
    }
  }
}

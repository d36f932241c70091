package dev.larder.jcache.redis;

import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How an entry is laid out in one Redis string, so a plain {@code GET} reads it whole:
 *
 * <pre>
 * "L1"  version(16 hex)  expiresAt(16 hex)  writtenAt(16 hex)  metaLength(8 hex)  meta  value
 * </pre>
 *
 * Numbers are fixed-width lower-case hex so the Lua scripts can compare versions as strings and
 * read expiries with {@code tonumber(s, 16)}, and change an expiry in place with {@code SETRANGE}.
 * {@code meta} holds who wrote the entry and its tags. Stateless.
 */
final class EntryFormat {

  static final int VERSION_AT = 2;
  static final int EXPIRES_AT = 18;
  static final int WRITTEN_AT = 34;
  static final int META_LENGTH_AT = 50;
  static final int HEADER = 58;
  static final String ETERNAL_HEX = hex(StoredEntry.ETERNAL);

  private EntryFormat() {}

  static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0000000000000000".substring(digits.length()) + digits;
  }

  /** The bytes before the expiry: magic and version. */
  static byte[] head(long version) {
    return ("L1" + hex(version)).getBytes(StandardCharsets.US_ASCII);
  }

  /** The bytes after the expiry: written-at, metadata and value. */
  static byte[] tail(Write write) {
    byte[] meta = meta(write.writtenBy(), write.tags());
    byte[] value = (byte[]) write.value();
    byte[] numbers =
        (hex(write.writtenAt()) + hex(meta.length).substring(8))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = new byte[numbers.length + meta.length + value.length];
    System.arraycopy(numbers, 0, tail, 0, numbers.length);
    System.arraycopy(meta, 0, tail, numbers.length, meta.length);
    System.arraycopy(value, 0, tail, numbers.length + meta.length, value.length);
    return tail;
  }

  /** A whole entry, for plain {@code SET}s. */
  static byte[] encode(long version, long expiresAt, Write write) {
    byte[] head = head(version);
    byte[] expiry = hex(expiresAt).getBytes(StandardCharsets.US_ASCII);
    byte[] tail = tail(write);
    byte[] all = new byte[head.length + expiry.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(expiry, 0, all, head.length, expiry.length);
    System.arraycopy(tail, 0, all, head.length + expiry.length, tail.length);
    return all;
  }

  private static byte[] meta(String writtenBy, Set<String> tags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, writtenBy);
    out.write(tags.size() >>> 8);
    out.write(tags.size());
    for (String tag : tags) {
      writeString(out, tag);
    }
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String text) {
    if (text == null) {
      out.write(0xff);
      out.write(0xff);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length >= 0xffff) {
      throw new StoreException("metadata text too long (" + utf8.length + " bytes, max 65534)");
    }
    out.write(utf8.length >>> 8);
    out.write(utf8.length);
    out.write(utf8, 0, utf8.length);
  }

  /**
   * Reads an entry.
   *
   * @param what names the cache and operation for the error when the bytes are not Larder's
   * @throws StoreException when the bytes were not written by Larder or are cut short
   */
  static StoredEntry decode(byte[] bytes, String what) {
    if (bytes == null) {
      return null;
    }
    try {
      if (bytes.length < HEADER || bytes[0] != 'L' || bytes[1] != '1') {
        throw foreign(what, bytes.length);
      }
      long version = hexAt(bytes, VERSION_AT, 16);
      long expiresAt = hexAt(bytes, EXPIRES_AT, 16);
      long writtenAt = hexAt(bytes, WRITTEN_AT, 16);
      long metaLength = hexAt(bytes, META_LENGTH_AT, 8);
      if (metaLength < 4 || metaLength > bytes.length - HEADER) {
        throw foreign(what, bytes.length);
      }
      int valueAt = HEADER + (int) metaLength;
      int[] at = {HEADER};
      String writtenBy = readString(bytes, at);
      int count = ((bytes[at[0]] & 0xff) << 8) | (bytes[at[0] + 1] & 0xff);
      at[0] += 2;
      Set<String> tags = count == 0 ? Set.of() : new LinkedHashSet<>();
      for (int i = 0; i < count; i++) {
        tags.add(readString(bytes, at));
      }
      if (at[0] != valueAt) {
        throw foreign(what, bytes.length);
      }
      return new StoredEntry(
          Arrays.copyOfRange(bytes, valueAt, bytes.length),
          version,
          expiresAt,
          writtenAt,
          writtenBy,
          tags);
    } catch (RuntimeException e) {
      if (e instanceof StoreException store) {
        throw store;
      }
      throw foreign(what, bytes.length);
    }
  }

  private static String readString(byte[] bytes, int[] at) {
    int length = ((bytes[at[0]] & 0xff) << 8) | (bytes[at[0] + 1] & 0xff);
    at[0] += 2;
    if (length == 0xffff) {
      return null;
    }
    String text = new String(bytes, at[0], length, StandardCharsets.UTF_8);
    at[0] += length;
    return text;
  }

  /**
   * The unsigned hex number of {@code digits} lower-case digits at {@code from}, read in place (a
   * getAll decodes a hundred headers; no String per number).
   *
   * @throws IllegalArgumentException on a character that is not a lower-case hex digit
   */
  private static long hexAt(byte[] bytes, int from, int digits) {
    // a table lookup per digit, no branch: digits and letters alternate unpredictably in a header
    long value = 0;
    int invalid = 0;
    for (int i = from; i < from + digits; i++) {
      int digit = HEX_DIGITS[bytes[i] & 0xff];
      invalid |= digit;
      value = (value << 4) | (digit & 0xf);
    }
    if (invalid < 0) {
      throw new IllegalArgumentException("not a hex digit");
    }
    return value;
  }

  /** The value of each lower-case hex digit, -1 for every other byte. */
  private static final int[] HEX_DIGITS = new int[256];

  static {
    Arrays.fill(HEX_DIGITS, -1);
    for (int c = '0'; c <= '9'; c++) {
      HEX_DIGITS[c] = c - '0';
    }
    for (int c = 'a'; c <= 'f'; c++) {
      HEX_DIGITS[c] = c - 'a' + 10;
    }
  }

  private static StoreException foreign(String what, int length) {
    return new StoreException(
        "LARDER-R10: "
            + what
            + " found "
            + length
            + " bytes that Larder did not write (foreign or cut-short data under a Larder key);"
            + " remove that key or use another namespace");
  }
}

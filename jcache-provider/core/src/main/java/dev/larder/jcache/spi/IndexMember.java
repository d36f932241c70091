package dev.larder.jcache.spi;

import java.util.Objects;

/**
 * One key filed under an index, with the version of the write that filed it.
 *
 * @param key the entry key, in the store's representation
 * @param version the version of the write that filed the key; lets stale members be dropped only if
 *     no newer write filed the key again meanwhile
 */
public record IndexMember(Object key, long version) {

  public IndexMember {
    Objects.requireNonNull(key, "key");
  }
}

package dev.larder.jcache.spi;

import java.util.List;

/**
 * One page of a partition's keys, in the store's representation.
 *
 * @param keys the keys of this page (possibly empty even when more follow)
 * @param cursor where the next page starts, or null when this was the last page
 */
public record KeyPage(List<Object> keys, String cursor) {

  public KeyPage {
    keys = List.copyOf(keys);
  }

  public boolean isLast() {
    return cursor == null;
  }
}

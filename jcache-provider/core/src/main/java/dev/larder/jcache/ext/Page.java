package dev.larder.jcache.ext;

import java.util.List;

/**
 * One page of a walk (a partition's entries, an index's keys). Pass {@link #cursor()} to get the
 * next page; a page may be empty while more follow, so walk until {@link #isLast()}.
 *
 * @param items the items of this page
 * @param cursor where the next page starts, or null when this was the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String cursor) {

  public Page {
    items = List.copyOf(items);
  }

  public boolean isLast() {
    return cursor == null;
  }
}

package dev.larder.jcache.spi;

import java.util.List;

/**
 * One page of an index's members.
 *
 * @param members the members of this page (possibly empty even when more follow)
 * @param cursor where the next page starts, or null when this was the last page
 */
public record IndexPage(List<IndexMember> members, String cursor) {

  public IndexPage {
    members = List.copyOf(members);
  }

  public boolean isLast() {
    return cursor == null;
  }
}

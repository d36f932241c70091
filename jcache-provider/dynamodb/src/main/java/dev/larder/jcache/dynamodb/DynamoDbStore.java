package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Condition;
import dev.larder.jcache.spi.KeyPage;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import dev.larder.jcache.spi.Write;
import dev.larder.jcache.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One partition of a {@link DynamoDbBackend}. Single-key operations are one request each, their
 * conditions and previous entries evaluated by DynamoDB atomically with the write (see {@link
 * Conditions}); a write whose expiry depends on whether it replaces a live entry ({@link
 * Write#dependsOnCurrent()}) is an {@code UpdateItem} that keeps the stored expiry with {@code
 * if_not_exists}, plus one more request only when it replaces an expired item.
 *
 * <p>Every conditional write asks for the item on a failed check ({@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD}), so a write the SDK retried after a lost reply
 * recognizes its own version (see {@link ItemRequests}). Bulk operations are in {@link Batches},
 * key walks and clearing in {@link PartitionWalker}. Thread-safe and stateless: cheap to create.
 */
final class DynamoDbStore implements Store {

  /**
   * How often a write whose expiry depends on what it replaces tries the update-or-create pair
   * before giving up: each lost try means another writer changed the item between the two requests.
   */
  private static final int REPLACE_AWARE_ATTEMPTS = 64;

  private final Partition partition;
  private final DynamoDbBackend backend;
  private final ItemRequests requests;
  private final String prefix;

  DynamoDbStore(Partition partition, DynamoDbBackend backend) {
    this.partition = partition;
    this.backend = backend;
    this.requests = new ItemRequests(backend, partition.cache());
    this.prefix = backend.layout().partitionPrefix(partition);
  }

  @Override
  public Partition partition() {
    return partition;
  }

  Target target(Object key) {
    byte[] bytes = Items.bytes(Objects.requireNonNull(key, "key"), "key");
    KeyLayout layout = backend.layout();
    return new Target(
        layout.partitionKey(prefix, layout.bucketOf(bytes)), layout.sortKey(bytes), bytes);
  }

  String prefix() {
    return prefix;
  }

  @Override
  public StoredEntry get(Object key) {
    return requests.get(target(key));
  }

  /** One {@code UpdateItem} that extends a live entry's expiry and returns it as it was. */
  @Override
  public StoredEntry getAndTouch(Object key, long now, long expiresAt) {
    Target target = target(key);
    Conditions live = Conditions.of(Condition.ifPresent(), now);
    Outcome outcome = requests.setExpiry(target, expiresAt, live, true, true);
    return outcome.previous();
  }

  @Override
  public List<StoredEntry> getAll(List<?> keys) {
    return batches().getAll(targets(keys));
  }

  @Override
  public WriteResult put(
      Object key, Write write, Condition condition, long now, boolean returnPrevious) {
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(condition, "condition");
    Target target = target(key);
    Outcome outcome =
        write.dependsOnCurrent()
            ? replaceAware(target, write, condition, now, returnPrevious)
            : requests.put(
                target,
                write,
                write.expiresAt(),
                Conditions.of(condition, now),
                returnPrevious,
                returnPrevious);
    if (outcome.applied()) {
      file(target, write);
    }
    if (outcome.replayed()) {
      return WriteResult.replayedWrite();
    }
    return WriteResult.of(outcome.applied(), outcome.previous(), now, returnPrevious);
  }

  /** Files an applied tagged write in its indices (see {@link DynamoDbIndices}). */
  private void file(Target target, Write write) {
    if (!write.tags().isEmpty()) {
      indices().file(List.of(target), List.of(write.tags()));
    }
  }

  /**
   * A write whose expiry depends on what it replaces: {@link Write#expiresAt()} when it creates or
   * replaces an expired entry, {@link Write#expiresAtIfPresent()} when it replaces a live one.
   * Liveness is judged at the write's time, as {@link Write#toEntry(StoredEntry)} does.
   */
  private Outcome replaceAware(
      Target target, Write write, Condition condition, long now, boolean previous) {
    long live = write.writtenAt();
    long ifPresent = write.expiresAtIfPresent();
    switch (condition.kind()) {
      case IF_ABSENT:
        return requests.put(
            target, write, write.expiresAt(), Conditions.of(condition, now), previous, previous);
      case IF_PRESENT:
      case IF_VALUE:
        return requests.update(
            target,
            write,
            ifPresent,
            write.expiresAt(),
            Conditions.of(condition, now),
            previous,
            previous);
      case IF_VERSION:
        if (condition.version() == 0) {
          return requests.put(
              target, write, write.expiresAt(), Conditions.of(condition, now), previous, previous);
        }
        break;
      default:
        break;
    }
    // ALWAYS or IF_VERSION(n): first as an update of a live entry (ALWAYS with KEEP also creates)
    for (int attempt = 0; attempt < REPLACE_AWARE_ATTEMPTS; attempt++) {
      boolean createsToo = condition.kind() == Condition.Kind.ALWAYS && ifPresent == Write.KEEP;
      Outcome updated =
          requests.update(
              target,
              write,
              ifPresent,
              write.expiresAt(),
              Conditions.liveOrAbsent(condition, live, createsToo),
              previous,
              true);
      if (updated.applied()) {
        return updated;
      }
      StoredEntry seen = updated.previous();
      if (condition.kind() == Condition.Kind.IF_VERSION
          && (seen == null || seen.version() != condition.version())) {
        return new Outcome(false, previous ? seen : null);
      }
      // absent or expired: replace exactly what was seen, as a creation
      Condition same = Condition.ifVersion(seen == null ? 0 : seen.version());
      Outcome created =
          requests.put(target, write, write.expiresAt(), Conditions.of(same, now), previous, false);
      if (created.applied()) {
        return created;
      }
    }
    throw gaveUp();
  }

  @Override
  public void putAll(List<?> keys, List<Write> writes) {
    if (keys.size() != writes.size()) {
      throw new IllegalArgumentException(
          "putAll on cache '"
              + partition.cache()
              + "' got "
              + keys.size()
              + " keys but "
              + writes.size()
              + " writes; they must align");
    }
    List<Target> targets = targets(keys);
    batches().putAll(targets, writes);
    List<Target> tagged = new ArrayList<>();
    List<java.util.Set<String>> tags = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (!writes.get(i).tags().isEmpty()) {
        tagged.add(targets.get(i));
        tags.add(writes.get(i).tags());
      }
    }
    if (!tagged.isEmpty()) {
      indices().file(tagged, tags);
    }
  }

  @Override
  public WriteResult remove(Object key, Condition condition, long now, boolean returnPrevious) {
    Objects.requireNonNull(condition, "condition");
    Outcome outcome =
        requests.delete(target(key), Conditions.of(condition, now), returnPrevious, returnPrevious);
    return WriteResult.of(outcome.applied(), outcome.previous(), now, returnPrevious);
  }

  @Override
  public void removeAll(List<?> keys) {
    batches().removeAll(targets(keys));
  }

  @Override
  public boolean touch(Object key, long version, long expiresAt) {
    return touch(target(key), version, expiresAt, false).applied();
  }

  private Outcome touch(Target target, long version, long expiresAt, boolean oldOnFailure) {
    if (version == 0) {
      // version 0 names no stored entry; an update on it would create a bare item
      return new Outcome(false, null);
    }
    Conditions sameVersion = Conditions.of(Condition.ifVersion(version), 0);
    return requests.setExpiry(target, expiresAt, sameVersion, false, oldOnFailure);
  }

  @Override
  public KeyPage keys(String cursor, int pageSize) {
    return new PartitionWalker(this, backend).page(cursor, pageSize);
  }

  @Override
  public void clear() {
    new PartitionWalker(this, backend).clear();
    indices().clear();
  }

  @Override
  public DynamoDbIndices indices() {
    return new DynamoDbIndices(this, backend);
  }

  private List<Target> targets(List<?> keys) {
    List<Target> targets = new ArrayList<>(keys.size());
    keys.forEach(key -> targets.add(target(key)));
    return targets;
  }

  private Batches batches() {
    return new Batches(backend, partition.cache());
  }

  private StoreException gaveUp() {
    return new StoreException(
        "LARDER-508: gave up after "
            + REPLACE_AWARE_ATTEMPTS
            + " compare-and-set attempts lost to concurrent writers on one key of cache '"
            + partition.cache()
            + "' in DynamoDB table '"
            + backend.settings().table()
            + "'");
  }

  @Override
  public String toString() {
    return "DynamoDbStore[" + backend.settings().table() + ", " + partition + "]";
  }
}

package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.IndexMember;
import dev.larder.jcache.spi.IndexPage;
import dev.larder.jcache.spi.IndexStore;
import dev.larder.jcache.spi.StoreException;
import dev.larder.jcache.spi.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The indices of one DynamoDB partition, as items of the same table:
 *
 * <ul>
 *   <li>one partition key per index, {@code IDX|}, the partition's prefix and the escaped index
 *       name (hashed when too long); one item per member, sort key the entry's sort key, {@code
 *       ver} the version of the write that filed it ({@code k} the full key when the sort key is
 *       hashed);
 *   <li>the partition's index names under {@code IDXS|} and the prefix, one item per name (sort key
 *       {@code 'N'} and the name), so {@code clear} finds them with a {@code Query}.
 * </ul>
 *
 * <p>{@link DynamoDbStore} files a tagged write after it applied, with the version it reads back
 * (the store's requests pick versions themselves): a member's version is never newer than its
 * entry. Stale members go with a {@code DeleteItem} conditional on an unchanged {@code ver}, so a
 * key filed again meanwhile stays. A tagged write thus costs a {@code GetItem} and a {@code
 * BatchWriteItem} more than an untagged one. One index is one DynamoDB partition key. Thread-safe.
 */
final class DynamoDbIndices implements IndexStore {

  private static final int PK_LIMIT = 2_000;

  private final DynamoDbStore store;
  private final DynamoDbBackend backend;
  private final String cache;

  DynamoDbIndices(DynamoDbStore store, DynamoDbBackend backend) {
    this.store = store;
    this.backend = backend;
    this.cache = store.partition().cache();
  }

  /** Files the keys of applied tagged writes under their tags, with the versions now stored. */
  void file(List<Target> targets, List<Set<String>> tags) {
    List<StoredEntry> entries = batches().getAll(targets);
    List<WriteRequest> requests = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      StoredEntry entry = entries.get(i);
      if (entry == null) {
        continue; // removed meanwhile: nothing to find
      }
      Target target = targets.get(i);
      for (String tag : tags.get(i)) {
        Map<String, AttributeValue> member = Items.key(indexKey(tag), target.sk());
        member.put(Items.VERSION, Items.eightBytes(entry.version()));
        if (KeyLayout.isHashed(target.sk())) {
          member.put(Items.KEY, AttributeValue.fromB(SdkBytes.fromByteArray(target.key())));
        }
        requests.add(put(member));
        requests.add(put(Items.key(namesKey(), nameSortKey(tag))));
      }
    }
    batches().write(requests.stream().distinct().toList());
  }

  @Override
  public IndexPage members(String index, String cursor, int pageSize) {
    Map<String, AttributeValue> start = null;
    String pk = indexKey(index);
    if (cursor != null) {
      start = Items.key(pk, decode(cursor));
    }
    Map<String, AttributeValue> from = start;
    QueryResponse page =
        call(
            "Query",
            () ->
                backend
                    .client()
                    .query(
                        b ->
                            b.tableName(backend.settings().table())
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                                .consistentRead(backend.settings().consistentReads())
                                .limit(Math.max(1, Math.min(pageSize, 1_000)))
                                .exclusiveStartKey(from)));
    List<IndexMember> members = new ArrayList<>(page.count());
    for (Map<String, AttributeValue> item : page.items()) {
      members.add(new IndexMember(backend.items().keyOf(item), backend.items().versionOf(item)));
    }
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? Base64.getUrlEncoder()
                .encodeToString(page.lastEvaluatedKey().get(Items.SK).b().asByteArray())
            : null;
    return new IndexPage(members, next);
  }

  @Override
  public void removeStale(String index, List<IndexMember> members) {
    String pk = indexKey(index);
    for (IndexMember member : members) {
      Target target = store.target(member.key());
      try {
        call(
            "DeleteItem",
            () ->
                backend
                    .client()
                    .deleteItem(
                        b ->
                            b.tableName(backend.settings().table())
                                .key(Items.key(pk, target.sk()))
                                .conditionExpression("#ver = :ver")
                                .expressionAttributeNames(Map.of("#ver", Items.VERSION))
                                .expressionAttributeValues(
                                    Map.of(":ver", Items.eightBytes(member.version())))));
      } catch (ConditionalCheckFailedException e) {
        // filed again by a newer write: it stays
      }
    }
  }

  /** Drops every index of the partition. */
  void clear() {
    for (Map<String, AttributeValue> name : all(namesKey())) {
      byte[] sk = name.get(Items.SK).b().asByteArray();
      String tag = new String(sk, 1, sk.length - 1, StandardCharsets.UTF_8);
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      all(indexKey(tag)).forEach(item -> keys.add(Items.key(indexKey(tag), skOf(item))));
      keys.add(Items.key(namesKey(), sk));
      batches().deleteKeys(keys);
    }
  }

  private List<Map<String, AttributeValue>> all(String pk) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> from = null;
    do {
      Map<String, AttributeValue> start = from;
      QueryResponse page =
          call(
              "Query",
              () ->
                  backend
                      .client()
                      .query(
                          b ->
                              b.tableName(backend.settings().table())
                                  .keyConditionExpression("pk = :pk")
                                  .expressionAttributeValues(
                                      Map.of(":pk", AttributeValue.fromS(pk)))
                                  .projectionExpression("sk")
                                  .consistentRead(true)
                                  .exclusiveStartKey(start)));
      items.addAll(page.items());
      from =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (from != null);
    return items;
  }

  private String indexKey(String index) {
    String pk = "IDX|" + store.prefix() + KeyLayout.escape(index);
    return pk.length() <= PK_LIMIT ? pk : "IDX#" + sha256(pk);
  }

  private String namesKey() {
    return "IDXS|" + store.prefix();
  }

  private static byte[] nameSortKey(String tag) {
    byte[] utf8 = tag.getBytes(StandardCharsets.UTF_8);
    byte[] sk = new byte[utf8.length + 1];
    sk[0] = 'N';
    System.arraycopy(utf8, 0, sk, 1, utf8.length);
    return sk;
  }

  private static byte[] skOf(Map<String, AttributeValue> item) {
    return item.get(Items.SK).b().asByteArray();
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(p -> p.item(item)).build();
  }

  private byte[] decode(String cursor) {
    try {
      return Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          "DynamoDB store of cache '"
              + cache
              + "' got an index cursor it never issued; start the walk with a null cursor");
    }
  }

  private Batches batches() {
    return new Batches(backend, cache);
  }

  private <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw backend.failures().translate(e, operation, cache);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package dev.larder.jcache.dynamodb;

import java.nio.ByteBuffer;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where one key of one partition lives: its partition key, its sort key, and the key's bytes.
 *
 * @param pk the partition key (the partition's prefix and the key's bucket)
 * @param sk the sort key
 * @param key the key as the core encoded it
 */
record Target(String pk, byte[] sk, byte[] key) {

  Map<String, AttributeValue> primaryKey() {
    return Items.key(pk, sk);
  }

  /** Identifies the target by content, for de-duplicating a batch (pk follows from sk). */
  ByteBuffer identity() {
    return ByteBuffer.wrap(sk);
  }
}

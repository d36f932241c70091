package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.storetck.IndexStoreContract;
import dev.larder.jcache.storetck.StoreContractTest;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis store passes the store contract on a single node. */
class RedisStoreContractTest extends StoreContractTest implements IndexStoreContract {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  @Override
  protected Backend newBackend(Clock clock) {
    return new RedisStoreProvider()
        .open(
            new BackendContext(REDIS.uri(), new Properties(), getClass().getClassLoader(), clock));
  }
}

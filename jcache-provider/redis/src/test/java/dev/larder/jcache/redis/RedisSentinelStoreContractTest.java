package dev.larder.jcache.redis;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.storetck.IndexStoreContract;
import dev.larder.jcache.storetck.StoreContractTest;
import dev.larder.testkit.redis.RedisSentinel;
import dev.larder.testkit.redis.RedisServerExtension;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis store passes the store contract on a master found through Sentinel. */
class RedisSentinelStoreContractTest extends StoreContractTest implements IndexStoreContract {

  @RegisterExtension
  static final RedisServerExtension<RedisSentinel> SENTINEL = RedisServerExtension.sentinel();

  @Override
  protected Backend newBackend(Clock clock) {
    return new RedisStoreProvider()
        .open(
            new BackendContext(
                SENTINEL.uri(), new Properties(), getClass().getClassLoader(), clock));
  }
}

package dev.larder.cdi.tenant;

import dev.larder.jcache.LarderCacheManager;
import dev.larder.jcache.LarderCachingProvider;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TenantContract} on a real Redis node, a fresh namespace per test. */
class RedisTenantTest extends TenantContract {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  @Override
  protected CacheManager openCacheManager() {
    Properties properties = new Properties();
    properties.setProperty(LarderCacheManager.NAMESPACE_PROPERTY, "cdi-" + UUID.randomUUID());
    return new LarderCachingProvider()
        .getCacheManager(REDIS.uri(), getClass().getClassLoader(), properties);
  }
}

package dev.larder.jcache.redis;

import dev.larder.jcache.storetck.ext.ClockSkewContract;
import dev.larder.jcache.storetck.ext.IndexContract;
import dev.larder.jcache.storetck.ext.LinearizabilityContract;
import dev.larder.jcache.storetck.ext.LockContract;
import dev.larder.jcache.storetck.ext.MemoizerContract;
import dev.larder.jcache.storetck.ext.MetadataContract;
import dev.larder.jcache.storetck.ext.QueueContract;
import dev.larder.jcache.storetck.ext.TenantContract;
import dev.larder.jcache.storetck.ext.TtlContract;
import dev.larder.jcache.storetck.ext.WritePathContract;
import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis store passes the extension contract on a single node; concurrency tests use two
 * independent caching providers (two connection pools).
 */
class RedisExtensionTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  @Nested
  class TenantTest extends TenantContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class TtlTest extends TtlContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class MetadataTest extends MetadataContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class IndexTest extends IndexContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class QueueTest extends QueueContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class LockTest extends LockContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class MemoizerTest extends MemoizerContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class WritePathTest extends WritePathContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class ClockSkewTest extends ClockSkewContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }

  @Nested
  class LinearizabilityTest extends LinearizabilityContract {
    @Override
    protected URI uri() {
      return REDIS.uri();
    }
  }
}

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
import dev.larder.testkit.redis.RedisCluster;
import dev.larder.testkit.redis.RedisServerExtension;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis store passes the extension contract on a three-master cluster. */
class RedisClusterExtensionTest {

  @RegisterExtension
  static final RedisServerExtension<RedisCluster> CLUSTER = RedisServerExtension.cluster();

  @Nested
  class TenantTest extends TenantContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class TtlTest extends TtlContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class MetadataTest extends MetadataContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class IndexTest extends IndexContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class QueueTest extends QueueContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class LockTest extends LockContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class MemoizerTest extends MemoizerContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class WritePathTest extends WritePathContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class ClockSkewTest extends ClockSkewContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }

  @Nested
  class LinearizabilityTest extends LinearizabilityContract {
    @Override
    protected URI uri() {
      return CLUSTER.uri();
    }
  }
}

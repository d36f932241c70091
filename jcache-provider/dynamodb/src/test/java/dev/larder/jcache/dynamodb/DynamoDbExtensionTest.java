package dev.larder.jcache.dynamodb;

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
import dev.larder.testkit.dynamodb.DynamoDbLocal;
import dev.larder.testkit.dynamodb.DynamoDbLocalExtension;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DynamoDB store passes the extension contract, on DynamoDB Local as a server: each caching
 * provider of a test opens its own SDK client and connection pool, as two JVMs would.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbExtensionTest {

  private static URI uri;

  @BeforeAll
  static void start(DynamoDbLocal dynamo) {
    uri = dynamo.larderUri("larder-extensions", "createTable=true");
  }

  @Nested
  class TenantTest extends TenantContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class TtlTest extends TtlContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class MetadataTest extends MetadataContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class IndexTest extends IndexContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class QueueTest extends QueueContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class LockTest extends LockContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class MemoizerTest extends MemoizerContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class WritePathTest extends WritePathContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class ClockSkewTest extends ClockSkewContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }

  @Nested
  class LinearizabilityTest extends LinearizabilityContract {
    @Override
    protected URI uri() {
      return uri;
    }
  }
}

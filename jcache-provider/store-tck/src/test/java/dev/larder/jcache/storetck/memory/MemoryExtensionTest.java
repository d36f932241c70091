package dev.larder.jcache.storetck.memory;

import dev.larder.jcache.storetck.ext.IndexContract;
import dev.larder.jcache.storetck.ext.LinearizabilityContract;
import dev.larder.jcache.storetck.ext.LockContract;
import dev.larder.jcache.storetck.ext.MemoizerContract;
import dev.larder.jcache.storetck.ext.MetadataContract;
import dev.larder.jcache.storetck.ext.QueueContract;
import dev.larder.jcache.storetck.ext.TenantContract;
import dev.larder.jcache.storetck.ext.TtlContract;
import dev.larder.jcache.storetck.ext.WritePathContract;
import java.net.URI;
import org.junit.jupiter.api.Nested;

/** The memory backend passes the extension contract. */
class MemoryExtensionTest {

  static final URI MEMORY = URI.create("memory:extension-tck");

  @Nested
  class TenantTest extends TenantContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class TtlTest extends TtlContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class MetadataTest extends MetadataContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class IndexTest extends IndexContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class QueueTest extends QueueContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class LockTest extends LockContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class MemoizerTest extends MemoizerContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class WritePathTest extends WritePathContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }

  @Nested
  class LinearizabilityTest extends LinearizabilityContract {
    @Override
    protected URI uri() {
      return MEMORY;
    }
  }
}

package dev.larder.jcache.storetck.memory;

import dev.larder.jcache.memory.MemoryStoreProvider;
import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.storetck.IndexStoreContract;
import dev.larder.jcache.storetck.StoreContractTest;
import java.net.URI;
import java.time.Clock;
import java.util.Properties;

/** The memory store passes the store contract. */
class MemoryStoreContractTest extends StoreContractTest implements IndexStoreContract {

  @Override
  protected Backend newBackend(Clock clock) {
    return new MemoryStoreProvider()
        .open(
            new BackendContext(
                URI.create("memory:store-tck"),
                new Properties(),
                getClass().getClassLoader(),
                clock));
  }
}

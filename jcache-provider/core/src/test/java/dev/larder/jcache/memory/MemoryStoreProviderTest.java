package dev.larder.jcache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.BackendContext;
import dev.larder.jcache.spi.StoreProvider;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryStoreProviderTest {

  @Test
  void serviceLoader_findsTheMemoryProviderByScheme() {
    List<StoreProvider> memory =
        ServiceLoader.load(StoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(provider -> provider.schemes().contains("memory"))
            .toList();

    assertEquals(1, memory.size());
    assertTrue(memory.get(0) instanceof MemoryStoreProvider);
  }

  @Test
  void open_givesABackendOfLiveObjectsDescribedAsMemory() {
    BackendContext context =
        new BackendContext(
            URI.create("memory:test"),
            new Properties(),
            getClass().getClassLoader(),
            Clock.systemUTC());

    try (Backend backend = new MemoryStoreProvider().open(context)) {
      assertTrue(backend.storesObjects());
      assertEquals("memory", backend.description());
    }
  }
}

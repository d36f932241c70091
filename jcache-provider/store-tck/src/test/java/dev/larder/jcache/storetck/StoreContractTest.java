package dev.larder.jcache.storetck;

import dev.larder.jcache.spi.Backend;
import dev.larder.jcache.spi.Partition;
import dev.larder.jcache.spi.Store;
import dev.larder.jcache.spi.StoreSettings;
import dev.larder.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every store passes. A store module runs it by subclassing in a few lines:
 *
 * <pre>{@code
 * class RedisStoreContractTest extends StoreContractTest {
 *   @Override
 *   protected Backend newBackend(Clock clock) {
 *     var context = new BackendContext(uri, new Properties(), loader, clock);
 *     return new RedisStoreProvider().open(context);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a new backend on a {@link ManualClock} (expiry is tested by moving the clock,
 * never by sleeping) and partitions whose names carry a per-test id, emptied before and after use,
 * so runs may share a server. The tests themselves live in the {@code *Contract} interfaces, one
 * per concern.
 *
 * <p>Expired entries are made by moving the clock to exactly their expiry: the contract expects a
 * store to still return them then (the SPI's reads are raw; the core decides expiry), so a native
 * TTL must be a backstop set later than the expiry, never the expiry itself.
 *
 * <p>A store module's pom needs, in test scope: {@code larder-store-tck} with {@code
 * <type>test-jar</type>}, {@code larder-testkit} and {@code junit-jupiter} (a test-jar brings no
 * dependencies along).
 */
public abstract class StoreContractTest
    implements EntryContract,
        PutContract,
        RemoveContract,
        VersionContract,
        CompareAndSetContract,
        BulkContract,
        PartitionContract,
        KeysContract {

  private final Set<Partition> partitionsInUse = new LinkedHashSet<>();
  private ManualClock clock;
  private Backend backend;
  private String runId;
  private Store store;

  /** Opens the backend under test; expiry must be measured against {@code clock}. */
  protected abstract Backend newBackend(Clock clock);

  /** The settings every partition is opened with; unbounded unless a store needs otherwise. */
  protected StoreSettings settings() {
    return StoreSettings.DEFAULT;
  }

  @BeforeEach
  protected final void openBackend() {
    clock = ManualClock.create();
    backend = newBackend(clock);
    runId = UUID.randomUUID().toString().substring(0, 8);
    store = store(new Partition("tck", "run " + runId, "contract cache"));
  }

  @AfterEach
  protected final void closeBackend() {
    if (backend == null) {
      return;
    }
    try {
      for (Partition partition : partitionsInUse) {
        backend.store(partition, settings()).clear();
      }
    } finally {
      backend.close();
    }
  }

  @Override
  public final Backend backend() {
    return backend;
  }

  @Override
  public final ManualClock clock() {
    return clock;
  }

  @Override
  public final Store store() {
    return store;
  }

  @Override
  public final Store store(Partition partition) {
    Store opened = backend.store(partition, settings());
    if (partitionsInUse.add(partition)) {
      opened.clear();
    }
    return opened;
  }

  @Override
  public final String runId() {
    return runId;
  }

  @Override
  public final Object key(Object plainKey) {
    return backend.storesObjects() ? plainKey : serialize(plainKey);
  }

  @Override
  public final Object value(Object plainValue) {
    return backend.storesObjects() ? plainValue : serialize(plainValue);
  }

  @Override
  public final Object plain(Object stored) {
    return backend.storesObjects() ? stored : deserialize((byte[]) stored);
  }

  private static byte[] serialize(Object plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] stored) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

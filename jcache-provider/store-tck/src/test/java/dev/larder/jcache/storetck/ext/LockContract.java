package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.ext.LarderLock;
import dev.larder.jcache.ext.Lease;
import dev.larder.jcache.ext.Locks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Named, tenant-aware leases with fencing tokens; one holder at a time, across providers too. */
public abstract class LockContract extends ExtensionFixture {

  /** Short enough that a remote backend's server-side expiry can be waited out. */
  private static final Duration SHORT = Duration.ofMillis(150);

  private static final Duration LONG = Duration.ofSeconds(30);

  private LarderLock lock(String name) {
    return manager().locks().lock(name);
  }

  private LarderLock peerLock(String name) {
    return peer().locks().lock(name);
  }

  @Test
  void tryAcquire_whenFree_takesTheLock_andWhenHeld_doesNot() {
    try (Lease lease = lock("basic").tryAcquire(LONG).orElseThrow()) {
      assertTrue(lease.isHeld());
      assertTrue(lease.fencingToken() > 0);
      assertEquals(Optional.empty(), peerLock("basic").tryAcquire(LONG));
      assertEquals(Optional.empty(), lock("basic").tryAcquire(LONG));
    }
    assertTrue(peerLock("basic").tryAcquire(LONG).isPresent());
  }

  @Test
  void fencingToken_increasesWithEveryAcquisition() {
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      LarderLock lock = i % 2 == 0 ? lock("fence") : peerLock("fence");
      try (Lease lease = lock.tryAcquire(LONG).orElseThrow()) {
        assertTrue(lease.fencingToken() > previous, lease.fencingToken() + " after " + previous);
        previous = lease.fencingToken();
      }
    }
  }

  @Test
  void leaseOfADeadHolder_isTakenOverAfterItsTtl() {
    Lease dead = lock("takeover").tryAcquire(SHORT).orElseThrow();
    letLeaseExpire(SHORT);

    try (Lease next = peerLock("takeover").tryAcquire(LONG).orElseThrow()) {
      assertTrue(next.fencingToken() > dead.fencingToken());
      assertFalse(dead.isHeld());
    }
  }

  @Test
  void release_byWhoNoLongerHoldsTheLock_isRefused_andTheHolderKeepsIt() {
    Lease lost = lock("release").tryAcquire(SHORT).orElseThrow();
    letLeaseExpire(SHORT);
    Lease holder = peerLock("release").tryAcquire(LONG).orElseThrow();

    IllegalStateException e = assertThrows(IllegalStateException.class, lost::release);
    assertTrue(e.getMessage().contains("no longer held"), e.getMessage());
    lost.close(); // quiet
    assertTrue(holder.isHeld());
    assertEquals(Optional.empty(), lock("release").tryAcquire(LONG));
    holder.release();
    assertThrows(IllegalStateException.class, holder::release);
  }

  @Test
  void extend_keepsTheLeaseBeyondItsFirstTtl() {
    Lease lease = lock("extend").tryAcquire(SHORT).orElseThrow();
    lease.extend(LONG);
    letLeaseExpire(SHORT);

    assertTrue(lease.isHeld());
    assertEquals(Optional.empty(), peerLock("extend").tryAcquire(LONG));
    lease.release();
  }

  @Test
  void extend_ofALostLease_isRefused() {
    Lease lease = lock("extend lost").tryAcquire(SHORT).orElseThrow();
    letLeaseExpire(SHORT);
    assertThrows(IllegalStateException.class, () -> lease.extend(LONG));
  }

  @Test
  void zeroOrNegativeTtl_isRefused() {
    LarderLock lock = lock("bad ttl");
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), null}) {
      assertThrows(IllegalArgumentException.class, () -> lock.tryAcquire(bad));
      assertThrows(IllegalArgumentException.class, () -> lock.acquire(bad, LONG));
    }
    try (Lease lease = lock.tryAcquire(LONG).orElseThrow()) {
      assertThrows(IllegalArgumentException.class, () -> lease.extend(Duration.ZERO));
      assertTrue(lease.isHeld());
    }
  }

  @Test
  void acquire_waitsForTheHolderToRelease() throws Exception {
    Lease first = lock("wait").tryAcquire(LONG).orElseThrow();
    ExecutorService releaser = Executors.newSingleThreadExecutor();
    try {
      releaser.submit(
          () -> {
            TimeUnit.MILLISECONDS.sleep(100);
            first.release();
            return null;
          });
      try (Lease second = peerLock("wait").acquire(LONG, Duration.ofSeconds(10)).orElseThrow()) {
        assertTrue(second.fencingToken() > first.fencingToken());
      }
    } finally {
      releaser.shutdownNow();
    }
  }

  @Test
  void acquire_withAHugeTimeout_takesAFreeLockAtOnce() {
    try (Lease lease = lock("huge").acquire(LONG, Duration.ofDays(365L * 1_000)).orElseThrow()) {
      assertTrue(lease.isHeld());
    }
  }

  @Test
  void acquire_givesUpAfterItsTimeout() {
    try (Lease held = lock("timeout").tryAcquire(LONG).orElseThrow()) {
      assertEquals(Optional.empty(), peerLock("timeout").acquire(LONG, Duration.ofMillis(100)));
      assertTrue(held.isHeld());
    }
  }

  @Test
  void locks_arePerTenantAndName() {
    Locks locks = manager().locks();
    try (Lease acme = locks.forTenant("acme").lock("job").tryAcquire(LONG).orElseThrow();
        Lease globex = locks.forTenant("globex").lock("job").tryAcquire(LONG).orElseThrow();
        Lease global = locks.lock("job").tryAcquire(LONG).orElseThrow();
        Lease other = locks.lock("other job").tryAcquire(LONG).orElseThrow()) {
      assertTrue(acme.isHeld() && globex.isHeld() && global.isHeld() && other.isHeld());
      assertEquals(Optional.empty(), peer().locks().forTenant("acme").lock("job").tryAcquire(LONG));
    }
  }

  @Test
  void holdersOfTwoProviders_neverOverlap_andSeeIncreasingTokens() throws Exception {
    int threadsPerProvider = 3;
    int acquisitionsPerThread = 40;
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger outOfOrder = new AtomicInteger();
    AtomicLong lastToken = new AtomicLong();
    AtomicInteger acquired = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerProvider);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 2 * threadsPerProvider; t++) {
        LarderLock lock = t % 2 == 0 ? lock("contended") : peerLock("contended");
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < acquisitionsPerThread; i++) {
                    try (Lease lease = lock.acquire(LONG, Duration.ofSeconds(60)).orElseThrow()) {
                      if (holding.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                      }
                      if (lease.fencingToken() <= lastToken.getAndSet(lease.fencingToken())) {
                        outOfOrder.incrementAndGet();
                      }
                      acquired.incrementAndGet();
                      holding.decrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(0, overlaps.get(), "overlapping holds");
    assertEquals(0, outOfOrder.get(), "fencing tokens not increasing");
    assertEquals(2 * threadsPerProvider * acquisitionsPerThread, acquired.get());
  }
}

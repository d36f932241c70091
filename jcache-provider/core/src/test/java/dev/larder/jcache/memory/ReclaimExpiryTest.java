package dev.larder.jcache.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larder.jcache.spi.StoredEntry;
import dev.larder.testkit.ManualClock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReclaimExpiryTest {

  private final ManualClock clock = ManualClock.create();
  private final long start = clock.millis();
  private final ReclaimExpiry expiry = new ReclaimExpiry(clock, 1_000);

  private static StoredEntry expiringAt(long expiresAt) {
    return new StoredEntry("v", 1, expiresAt, 0, null, null);
  }

  private long now() {
    return expiry.ticker().read();
  }

  @Test
  void ticker_countsTheClocksNanosSinceCreation() {
    assertEquals(0, now());

    clock.advanceMillis(1_500);

    assertEquals(TimeUnit.MILLISECONDS.toNanos(1_500), now());
  }

  @Test
  void untilReclaim_isExpiryPlusDelay() {
    assertEquals(
        TimeUnit.MILLISECONDS.toNanos(1_500), expiry.untilReclaim(expiringAt(start + 500), now()));
  }

  @Test
  void untilReclaim_ofEternal_isForever() {
    assertEquals(Long.MAX_VALUE, expiry.untilReclaim(expiringAt(StoredEntry.ETERNAL), now()));
    assertEquals(
        Long.MAX_VALUE,
        new ReclaimExpiry(clock, 0).untilReclaim(expiringAt(StoredEntry.ETERNAL), now()));
  }

  @Test
  void untilReclaim_nearTheEndOfTime_doesNotOverflow() {
    assertEquals(Long.MAX_VALUE, expiry.untilReclaim(expiringAt(StoredEntry.ETERNAL - 10), now()));
    assertEquals(Long.MAX_VALUE, expiry.untilReclaim(expiringAt(Long.MAX_VALUE / 1_000), now()));
  }

  @Test
  void untilReclaim_whenLongPast_isNow() {
    assertEquals(0, expiry.untilReclaim(expiringAt(start - 5_000), now()));
    assertEquals(0, expiry.untilReclaim(expiringAt(Long.MIN_VALUE), now()));
  }

  @Test
  void untilReclaim_withAClockFarBeforeTheEpoch_doesNotOverflow() {
    clock.set(Instant.ofEpochMilli(Long.MIN_VALUE / 2));
    ReclaimExpiry early = new ReclaimExpiry(clock, 1_000);

    assertEquals(
        Long.MAX_VALUE, early.untilReclaim(expiringAt(Long.MAX_VALUE / 2), early.ticker().read()));
    assertEquals(0, early.untilReclaim(expiringAt(Long.MIN_VALUE), early.ticker().read()));
  }

  @Test
  void read_keepsTheCurrentDuration() {
    assertEquals(42, expiry.expireAfterRead("k", expiringAt(start), now(), 42));
  }
}

package dev.larder.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so expiry can be tested without
 * sleeping. Time only changes through {@link #set} and {@link #advance}; it may be moved backwards.
 *
 * <p>Thread-safe: the instant is held atomically and every read sees the latest move. Clocks made
 * with {@link #withZone} share the instant with the clock they came from, so moving one moves all.
 */
public final class ManualClock extends Clock {

  /** A fixed, arbitrary starting instant that is far from the epoch and from today. */
  public static final Instant DEFAULT_START = Instant.parse("2030-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock in UTC standing at {@link #DEFAULT_START}. */
  public static ManualClock create() {
    return startingAt(DEFAULT_START);
  }

  /** A clock in UTC standing at {@code start}. */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** Moves the clock to {@code instant}, forwards or backwards. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves the clock to {@code epochMillis} (milliseconds since the epoch). */
  public void setMillis(long epochMillis) {
    set(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * Moves the clock by {@code amount} (negative amounts move it back).
   *
   * @return the new instant
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(instant -> instant.plus(amount));
  }

  /**
   * Moves the clock by {@code millis} milliseconds.
   *
   * @return the new instant
   */
  public Instant advanceMillis(long millis) {
    return advance(Duration.ofMillis(millis));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's instant. */
  @Override
  public ManualClock withZone(ZoneId newZone) {
    return new ManualClock(now, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "," + zone + "]";
  }
}

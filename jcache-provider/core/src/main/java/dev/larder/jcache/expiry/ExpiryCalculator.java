package dev.larder.jcache.expiry;

import dev.larder.jcache.spi.StoredEntry;
import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * Turns a cache's {@link ExpiryPolicy} into absolute expiry times (epoch ms). The policy is asked
 * only for the event that happened (creation, access or update), as the TCK counts the calls.
 *
 * <p>Rules (JSR-107 section 6): a {@code ZERO} duration on creation means "do not add"; a {@code
 * null} from update or access leaves the expiry unchanged; a policy that throws on update or access
 * also leaves it unchanged. Thread-safe if the policy is.
 */
public final class ExpiryCalculator implements Closeable {

  /** Returned by {@link #onUpdate} and {@link #onAccess} when the expiry stays as it is. */
  public static final long UNCHANGED = Long.MIN_VALUE;

  private static final Set<Class<?>> STANDARD_POLICIES =
      Set.of(
          EternalExpiryPolicy.class,
          CreatedExpiryPolicy.class,
          ModifiedExpiryPolicy.class,
          AccessedExpiryPolicy.class,
          TouchedExpiryPolicy.class);

  private final ExpiryPolicy policy;
  private final boolean constant;
  private final Duration creation;
  private final Duration update;
  private final Duration access;

  public ExpiryCalculator(ExpiryPolicy policy) {
    this.policy = policy;
    // the standard policies answer with fixed durations and no side effects, so they can be asked
    // once; any other policy is asked at every event, as the TCK counts those calls
    this.constant = STANDARD_POLICIES.contains(policy.getClass());
    this.creation = constant ? policy.getExpiryForCreation() : null;
    this.update = constant ? policy.getExpiryForUpdate() : null;
    this.access = constant ? policy.getExpiryForAccess() : null;
  }

  /**
   * Whether the policy's durations are fixed, so creation and update expiries can both be computed
   * before knowing which applies (letting a store apply the right one in the same atomic step).
   */
  public boolean isConstant() {
    return constant;
  }

  /** Whether the access rule changes expiry (only meaningful when {@link #isConstant()}). */
  public boolean touchesOnAccess() {
    return constant && access != null;
  }

  /** The expiry of a new entry; {@code <= now} means the entry must not be added. */
  public long onCreate(long now) {
    return creationAt(now, constant ? creation : askCreation());
  }

  /** The expiry after an update, or {@link #UNCHANGED}. */
  public long onUpdate(long now) {
    return changeAt(now, constant ? update : askUpdate());
  }

  /** The expiry after an access, or {@link #UNCHANGED}. */
  public long onAccess(long now) {
    return changeAt(now, constant ? access : askAccess());
  }

  /**
   * The answers for one operation: the policy is asked at most once per kind of event however many
   * times the operation's compare-and-set runs (a lost race re-decides, but must not ask the policy
   * again: the policy is user code, and the TCK counts its calls). Used by one thread.
   */
  public Answers answers() {
    // a fixed policy is never asked at run time, so its answers hold no state: one for all
    return constant ? fixedAnswers : new Answers();
  }

  private final Answers fixedAnswers = new Answers();

  /** See {@link #answers()}. */
  public final class Answers {
    private Duration created;
    private Duration updated;
    private boolean askedCreation;
    private boolean askedUpdate;

    private Answers() {}

    /** As {@link ExpiryCalculator#onCreate}, asking the policy only the first time. */
    public long onCreate(long now) {
      if (constant) {
        return creationAt(now, creation);
      }
      if (!askedCreation) {
        created = askCreation();
        askedCreation = true;
      }
      return creationAt(now, created);
    }

    /** As {@link ExpiryCalculator#onUpdate}, asking the policy only the first time. */
    public long onUpdate(long now) {
      if (constant) {
        return changeAt(now, update);
      }
      if (!askedUpdate) {
        updated = askUpdate();
        askedUpdate = true;
      }
      return changeAt(now, updated);
    }
  }

  private Duration askCreation() {
    try {
      return policy.getExpiryForCreation();
    } catch (RuntimeException e) {
      // a failing policy must not fail the write or lose the value: keep it, like the RI
      return null;
    }
  }

  private Duration askUpdate() {
    try {
      return policy.getExpiryForUpdate();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Duration askAccess() {
    try {
      return policy.getExpiryForAccess();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static long creationAt(long now, Duration duration) {
    return duration == null ? StoredEntry.ETERNAL : expiresAt(now, duration);
  }

  private static long changeAt(long now, Duration duration) {
    return duration == null ? UNCHANGED : expiresAt(now, duration);
  }

  /** Resolves {@link #UNCHANGED} against the current expiry. */
  public static long orCurrent(long computed, long current) {
    return computed == UNCHANGED ? current : computed;
  }

  static long expiresAt(long now, Duration duration) {
    if (duration.isEternal()) {
      return StoredEntry.ETERNAL;
    }
    if (duration.isZero()) {
      return now;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    // a positive duration below one millisecond still lets the entry live until the next tick
    long delta = Math.max(1, millis);
    long at = now + delta;
    return at < now ? StoredEntry.ETERNAL : at;
  }

  @Override
  public void close() throws IOException {
    if (policy instanceof Closeable closeable) {
      closeable.close();
    }
  }
}

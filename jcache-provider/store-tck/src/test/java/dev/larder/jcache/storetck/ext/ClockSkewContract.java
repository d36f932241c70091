package dev.larder.jcache.storetck.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.jcache.LarderCacheManager;
import dev.larder.jcache.LarderCachingProvider;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM whose clock is 10 s behind or ahead of the server's, against the real server (real time, so
 * TTLs here are short): it reads what it wrote, and an entry lives its configured time on that
 * JVM's clock, not less because the server's clock differs (a native TTL sent as an absolute time
 * on a skewed clock would expire at once, or live 10 s too long).
 */
public abstract class ClockSkewContract {

  private static final long SKEW_MILLIS = 10_000;

  private final List<LarderCachingProvider> providers = new ArrayList<>();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  /** The URI of the backend under test. */
  protected abstract URI uri();

  @AfterEach
  final void closeProviders() {
    providers.forEach(LarderCachingProvider::close);
  }

  private Cache<String, String> cache(long skewMillis, String name, long ttlMillis) {
    LarderCachingProvider provider =
        new LarderCachingProvider(
            Clock.offset(Clock.systemUTC(), java.time.Duration.ofMillis(skewMillis)));
    providers.add(provider);
    Properties properties = new Properties();
    properties.setProperty(LarderCacheManager.NAMESPACE_PROPERTY, "skew tck " + runId);
    LarderCacheManager manager =
        provider
            .getCacheManager(uri(), getClass().getClassLoader(), properties)
            .unwrap(LarderCacheManager.class);
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setExpiryPolicyFactory(
                CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, ttlMillis)));
    Cache<String, String> cache = manager.getCache(name, String.class, String.class);
    return cache != null ? cache : manager.createCache(name, configuration);
  }

  private static void sleep(long millis) {
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @ParameterizedTest
  @ValueSource(longs = {-SKEW_MILLIS, SKEW_MILLIS})
  void skewedJvm_readsWhatItWrote_untilItsTtlRunsOut(long skew) {
    Cache<String, String> cache = cache(skew, "reads " + skew, 1_500);

    cache.put("k", "v");
    assertTrue(cache.putIfAbsent("other", "w"));
    sleep(300);

    assertEquals("v", cache.get("k"), "an entry written 0.3 s ago with a 1.5 s TTL");
    assertFalse(cache.putIfAbsent("other", "x"), "its own live entry is present");
    sleep(1_600);
    assertNull(cache.get("k"), "expired after its TTL on this JVM's clock");
    assertTrue(cache.putIfAbsent("other", "y"), "an expired entry counts as absent");
  }

  @ParameterizedTest
  @ValueSource(longs = {-SKEW_MILLIS, SKEW_MILLIS})
  void skewedJvm_writesThatAnotherJvmOnTheServersClockReads(long skew) {
    Cache<String, String> skewed = cache(skew, "shared " + skew, 30_000);
    Cache<String, String> onTime = cache(0, "shared " + skew, 30_000);

    skewed.put("k", "v");
    sleep(200);

    assertEquals("v", onTime.get("k"), "a 30 s entry, 0.2 s old, 10 s of skew away");
  }

  @Test
  void jvmsSkewedBothWays_agreeOnWhoWonAPutIfAbsent_whenTheTtlExceedsTheirSkew() {
    Cache<String, String> behind = cache(-SKEW_MILLIS, "race", 60_000);
    Cache<String, String> ahead = cache(SKEW_MILLIS, "race", 60_000);

    assertTrue(behind.putIfAbsent("k", "behind"));
    assertFalse(ahead.putIfAbsent("k", "ahead"));
    assertTrue(ahead.putIfAbsent("j", "ahead"));
    assertFalse(behind.putIfAbsent("j", "behind"));

    assertEquals("behind", ahead.get("k"));
    assertEquals("ahead", behind.get("j"));
  }
}

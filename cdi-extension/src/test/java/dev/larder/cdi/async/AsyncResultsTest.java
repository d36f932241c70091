package dev.larder.cdi.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.Tenants;
import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class AsyncResultsTest {

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(Larder.weld(Quotes.class, TestCacheManager.class, FixedTenant.class))
          .build();

  @Inject Quotes quotes;
  @Inject CacheManager manager;
  @Inject Tenants tenants;

  private Object cached(String cache, String symbol) {
    return Larder.view(manager, cache, FixedTenant.DEFAULT).get(new ParameterKey(symbol));
  }

  private static String await(CompletionStage<String> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void completedValue_isCached_notTheFuture() throws Exception {
    CompletionStage<String> first = quotes.quote("ACME");
    assertNull(cached("quotes", "ACME"));
    quotes.complete("ACME", "42");
    assertEquals("42", await(first));
    assertEquals("42", cached("quotes", "ACME"));
    assertEquals("42", await(quotes.quote("ACME")));
    assertEquals(1, quotes.calls());
  }

  @Test
  void completedFutureReturnType_isServedAsACompletedFuture() throws Exception {
    assertEquals("ready X", quotes.ready("X").get());
    CompletableFuture<String> hit = quotes.ready("X");
    assertTrue(hit.isDone());
    assertEquals("ready X", hit.get());
    assertEquals(1, quotes.calls());
  }

  @Test
  void failedStage_isNotCached() {
    CompletionStage<String> first = quotes.quote("ACME");
    quotes.fail("ACME", new IllegalStateException("exchange closed"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(first));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertNull(cached("quotes", "ACME"));
    CompletionStage<String> second = quotes.quote("ACME");
    assertEquals(2, quotes.calls());
    quotes.complete("ACME", "43");
    assertEquals("43", assertDoesNotFail(second));
  }

  private static String assertDoesNotFail(CompletionStage<String> stage) {
    try {
      return await(stage);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void concurrentMisses_runTheMethodOnce_andAllGetItsValue() throws Exception {
    CompletionStage<String> first = quotes.quote("ACME");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CompletionStage<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return tenants.callAs(FixedTenant.DEFAULT, () -> quotes.quote("ACME"));
                }));
      }
      start.countDown();
      List<CompletionStage<String>> waiting = new ArrayList<>();
      for (Future<CompletionStage<String>> call : calls) {
        waiting.add(call.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, quotes.calls());
      waiting.forEach(stage -> assertFalse(stage.toCompletableFuture().isDone()));
      quotes.complete("ACME", "42");
      assertEquals("42", await(first));
      for (CompletionStage<String> stage : waiting) {
        assertEquals("42", await(stage));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallersFuture_isItsOwn_cancellingItLeavesTheOthers() throws Exception {
    CompletionStage<String> first = quotes.quote("ACME");
    CompletionStage<String> second = quotes.quote("ACME");
    assertTrue(second.toCompletableFuture().cancel(true));
    quotes.complete("ACME", "42");
    assertEquals("42", await(first));
    assertEquals("42", cached("quotes", "ACME"));
  }

  @Test
  void theValueIsCached_beforeAnyCallerSeesTheCompletion() throws Exception {
    CompletionStage<Object> seenInCache =
        quotes.quote("ACME").thenApply(value -> cached("quotes", "ACME"));
    quotes.complete("ACME", "42");
    assertEquals("42", seenInCache.toCompletableFuture().get(10, TimeUnit.SECONDS));
  }

  @Test
  void sameKey_otherTenant_runsItsOwnCall() throws Exception {
    CompletionStage<String> mine = quotes.quote("ACME");
    CompletionStage<String> theirs = tenants.callAs("other", () -> quotes.quote("ACME"));
    assertEquals(2, quotes.calls());
    assertSame(null, cached("quotes", "ACME"));
    quotes.complete("ACME", "42");
    assertEquals("42", await(mine));
    assertEquals("42", await(theirs));
  }

  @Test
  void asyncCacheRemove_removesWhenTheStageCompletes() throws Exception {
    quotes.quote("ACME");
    quotes.complete("ACME", "42");
    CompletionStage<Void> removal = quotes.forget("ACME");
    assertEquals("42", cached("quotes", "ACME"));
    quotes.finishRemoval();
    removal.toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertNull(cached("quotes", "ACME"));
  }
}

package dev.larder.cdi.aftercommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larder.cdi.internal.ParameterKey;
import dev.larder.cdi.testing.FixedTenant;
import dev.larder.cdi.testing.Larder;
import dev.larder.cdi.testing.TestCacheManager;
import dev.larder.jcache.LarderCache;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import javax.cache.CacheManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cache writes inside a JTA transaction (Narayana) wait for the commit; outside one they don't. */
@EnableWeld
class AfterCommitTest {

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(
              Larder.weld(Accounts.class, TestCacheManager.class, FixedTenant.class)
                  .addServices(new NarayanaTransactionServices()))
          .build();

  @Inject Accounts accounts;
  @Inject CacheManager manager;
  @Inject UserTransaction transaction;

  private LarderCache<Object, Object> cache;

  @BeforeEach
  void seed() {
    accounts.update("a", "100");
    accounts.update("b", "200");
    cache = Larder.view(manager, "accounts", FixedTenant.DEFAULT);
  }

  @AfterEach
  void noTransactionLeftBehind() throws Exception {
    if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
      transaction.rollback();
    }
  }

  private Object balance(String id) {
    return cache.get(new ParameterKey(id));
  }

  @Test
  void outsideATransaction_writesTakeEffectAtOnce() {
    assertEquals("100", balance("a"));
    accounts.update("a", "150");
    assertEquals("150", balance("a"));
    accounts.evict("a");
    assertNull(balance("a"));
  }

  @Test
  void cachePut_inATransaction_takesEffectAfterCommit() throws Exception {
    transaction.begin();
    accounts.update("a", "150");
    accounts.updateFirst("b", "250");
    assertEquals("100", balance("a"));
    assertEquals("200", balance("b"));
    transaction.commit();
    assertEquals("150", balance("a"));
    assertEquals("250", balance("b"));
  }

  @Test
  void cachePut_inATransactionRolledBack_neverTakesEffect() throws Exception {
    transaction.begin();
    accounts.update("a", "150");
    transaction.rollback();
    assertEquals("100", balance("a"));
  }

  @Test
  void cacheRemove_inATransaction_takesEffectAfterCommitOnly() throws Exception {
    transaction.begin();
    accounts.evict("a");
    assertEquals("100", balance("a"));
    transaction.rollback();
    assertEquals("100", balance("a"));

    transaction.begin();
    accounts.evict("a");
    transaction.commit();
    assertNull(balance("a"));
  }

  @Test
  void cacheRemoveAll_inATransaction_takesEffectAfterCommitOnly() throws Exception {
    transaction.begin();
    accounts.evictAll();
    assertEquals("200", balance("b"));
    transaction.rollback();
    assertEquals("200", balance("b"));

    transaction.begin();
    accounts.evictAll();
    transaction.commit();
    assertNull(balance("a"));
    assertNull(balance("b"));
  }

  @Test
  void transactionMarkedRollbackOnly_neverWrites() throws Exception {
    transaction.begin();
    accounts.update("a", "150");
    transaction.setRollbackOnly();
    transaction.rollback();
    assertEquals("100", balance("a"));
  }
}

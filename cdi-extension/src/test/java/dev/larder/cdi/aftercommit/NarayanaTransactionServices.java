package dev.larder.cdi.aftercommit;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.jboss.weld.transaction.spi.TransactionServices;

/** Lets Weld SE see Narayana's transactions, as an application server's integration does. */
public final class NarayanaTransactionServices implements TransactionServices {

  private final TransactionManager manager =
      com.arjuna.ats.jta.TransactionManager.transactionManager();

  @Override
  public void registerSynchronization(Synchronization synchronization) {
    try {
      manager.getTransaction().registerSynchronization(synchronization);
    } catch (Exception e) {
      throw new IllegalStateException("cannot register with the current transaction", e);
    }
  }

  @Override
  public boolean isTransactionActive() {
    try {
      int status = manager.getStatus();
      return status == Status.STATUS_ACTIVE
          || status == Status.STATUS_MARKED_ROLLBACK
          || status == Status.STATUS_PREPARING
          || status == Status.STATUS_PREPARED
          || status == Status.STATUS_COMMITTING
          || status == Status.STATUS_ROLLING_BACK;
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public UserTransaction getUserTransaction() {
    return com.arjuna.ats.jta.UserTransaction.userTransaction();
  }

  @Override
  public void cleanup() {}
}

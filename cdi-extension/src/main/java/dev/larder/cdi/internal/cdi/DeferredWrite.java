package dev.larder.cdi.internal.cdi;

/**
 * A cache write waiting for the current transaction, fired as a CDI event and run by a
 * transactional observer: after a successful commit, never after a rollback, and at once when no
 * transaction is active (as the CDI specification defines for transactional observers).
 */
public final class DeferredWrite {

  private final Runnable write;

  DeferredWrite(Runnable write) {
    this.write = write;
  }

  void run() {
    write.run();
  }
}

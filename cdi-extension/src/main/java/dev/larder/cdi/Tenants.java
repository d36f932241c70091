package dev.larder.cdi;

import static java.util.Objects.requireNonNull;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs code as a tenant, for work outside a request: batch jobs, message consumers, startup code.
 * Inject it and wrap the work; cached methods called inside use that tenant's partition. Blocks
 * nest (the innermost tenant wins) and take precedence over the application's {@link
 * TenantResolver}.
 *
 * <p>The tenant is bound to the calling thread for the duration of the block. A cached method that
 * returns a {@code CompletionStage} resolves its tenant when it is called, so its completion on
 * another thread still lands in the right partition. Thread-safe.
 */
@ApplicationScoped
public class Tenants {

  private final ThreadLocal<String> current = new ThreadLocal<>();

  /** Runs {@code work} as {@code tenant}. Any string is legal; "" is the global partition. */
  public void runAs(String tenant, Runnable work) {
    requireNonNull(work, "work");
    callAs(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  /** Calls {@code work} as {@code tenant} and returns its result. */
  public <T> T callAs(String tenant, Supplier<T> work) {
    requireNonNull(tenant, "tenant");
    requireNonNull(work, "work");
    String previous = current.get();
    current.set(tenant);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }

  /** The tenant of the innermost enclosing {@link #runAs} block on this thread, if any. */
  public Optional<String> current() {
    return Optional.ofNullable(current.get());
  }
}

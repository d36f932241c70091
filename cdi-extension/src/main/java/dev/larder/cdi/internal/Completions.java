package dev.larder.cdi.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/** Helpers for methods that return a {@link CompletionStage}. Stateless. */
final class Completions {

  private Completions() {}

  /**
   * A future that completes like {@code stage} but only after {@code action} has seen its outcome
   * (value, or failure unwrapped from {@link CompletionException}), so a caller that observes the
   * completion also observes the cache write. A failing action fails the future.
   */
  static CompletableFuture<Object> after(
      CompletionStage<?> stage, BiConsumer<Object, Throwable> action) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          Throwable outcome = unwrap(failure);
          try {
            action.accept(value, outcome);
          } catch (RuntimeException | Error actionFailed) {
            if (outcome == null) {
              outcome = actionFailed;
            } else {
              outcome.addSuppressed(actionFailed);
            }
          }
          complete(done, value, outcome);
        });
    return done;
  }

  static void complete(CompletableFuture<Object> future, Object value, Throwable failure) {
    if (failure == null) {
      future.complete(value);
    } else {
      future.completeExceptionally(failure);
    }
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

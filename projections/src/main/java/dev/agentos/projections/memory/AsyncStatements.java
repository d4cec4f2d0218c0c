package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs many statements concurrently, at most {@value #IN_FLIGHT} at a time, and waits for all of
 * them: one round trip's latency per batch instead of one per statement. A failure fails the call
 * (after every statement has finished), so the processor retries the batch; the writes are
 * idempotent, so what did land is harmless.
 */
public final class AsyncStatements {

  // Well under the driver's 1,024 requests per connection; more only queues inside Cassandra.
  private static final int IN_FLIGHT = 256;

  private AsyncStatements() {}

  public static void run(CqlSession session, List<? extends Statement<?>> statements) {
    map(session, statements, result -> null);
  }

  /** Runs the statements and maps each result, in the statements' order. */
  public static <T> List<T> map(
      CqlSession session,
      List<? extends Statement<?>> statements,
      Function<AsyncResultSet, T> mapping) {
    Semaphore permits = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<T>> results = new ArrayList<>(statements.size());
    for (Statement<?> statement : statements) {
      permits.acquireUninterruptibly();
      results.add(
          session
              .executeAsync(statement)
              .thenApply(mapping)
              .toCompletableFuture()
              .whenComplete((result, failure) -> permits.release()));
    }
    try {
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return results.stream().map(CompletableFuture::join).toList();
  }
}

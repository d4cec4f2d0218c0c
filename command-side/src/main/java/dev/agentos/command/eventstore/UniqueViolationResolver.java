package dev.agentos.command.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Tells Axon that an append failed on a unique key, so that a reused aggregate id becomes {@code
 * AggregateStreamCreationException} and a concurrent append {@code ConcurrencyException} (HTTP 409)
 * instead of a generic event store failure (500). Axon's error-code resolver misses PostgreSQL's
 * batch inserts, whose unique violation (SQLSTATE 23505) hides behind {@link
 * java.sql.BatchUpdateException#getNextException()}.
 */
@Component
public class UniqueViolationResolver implements PersistenceExceptionResolver {

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

package dev.agentos.projections;

import dev.agentos.deploy.local.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The Axon token rows an IT's own processors (named after its run) leave in the stack's PostgreSQL.
 * Against a long-lived dev stack they would pile up run after run: hundreds of rows that no
 * processor reads again.
 */
public final class TokenRows {

  private TokenRows() {}

  /** Deletes the token rows of every processor whose name starts with {@code processorPrefix}. */
  public static void delete(StackEndpoints stack, String processorPrefix) throws SQLException {
    if (processorPrefix.isBlank()
        || processorPrefix.contains("%")
        || processorPrefix.contains("_")) {
      throw new IllegalArgumentException("not a run's own prefix: '" + processorPrefix + "'");
    }
    try (Connection connection =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM tokenentry WHERE processorname LIKE ?")) {
      delete.setString(1, processorPrefix + "%");
      delete.executeUpdate();
    }
  }
}

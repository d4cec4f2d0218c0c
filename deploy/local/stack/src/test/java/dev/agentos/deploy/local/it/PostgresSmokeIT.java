package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PostgreSQL (Axon's event store) accepts connections and keeps what it is given. */
@ExtendWith(LocalStackExtension.class)
class PostgresSmokeIT {

  @Test
  void storesAndReadsRows(StackEndpoints stack) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS smoke (id TEXT PRIMARY KEY, payload BYTEA)");
      statement.execute("INSERT INTO smoke VALUES ('e-1', '\\x0102') ON CONFLICT (id) DO NOTHING");
      try (ResultSet rows = statement.executeQuery("SELECT payload FROM smoke WHERE id = 'e-1'")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBytes(1)).containsExactly(1, 2);
      }
      try (ResultSet version = statement.executeQuery("SHOW server_version")) {
        version.next();
        assertThat(version.getString(1)).startsWith("14.");
      }
    }
  }
}

package dev.agentos.command.execution.secrets;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link EnvironmentVault} in PostgreSQL's {@code execution_environment} table: one row per
 * execution that has variables, holding them sealed by {@link EnvironmentCipher}. Written in the
 * transaction of the command that requests, starts or ends the execution, so a request refused
 * later in its command leaves no row, and an ended execution no values.
 */
public class JdbcEnvironmentVault implements EnvironmentVault {

  private final JdbcTemplate jdbc;
  private final EnvironmentCipher cipher;

  public JdbcEnvironmentVault(JdbcTemplate jdbc, EnvironmentCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void seal(String tenantId, String executionId, Map<String, String> environment) {
    // A taken id is refused by the event store when the command commits, which rolls this back;
    // until then the earlier execution's row must stay as it is.
    jdbc.update(
        "INSERT INTO execution_environment (tenant_id, execution_id, sealed) VALUES (?, ?, ?)"
            + " ON CONFLICT (tenant_id, execution_id) DO NOTHING",
        tenantId,
        executionId,
        cipher.seal(tenantId, executionId, environment));
  }

  @Override
  public Map<String, String> open(String tenantId, String executionId) {
    List<byte[]> rows =
        jdbc.queryForList(
            "SELECT sealed FROM execution_environment WHERE tenant_id = ? AND execution_id = ?",
            byte[].class,
            tenantId,
            executionId);
    if (rows.isEmpty()) {
      throw new EnvironmentUnavailableException(executionId, "its values are not kept");
    }
    try {
      return cipher.open(tenantId, executionId, rows.get(0));
    } catch (GeneralSecurityException e) {
      throw new EnvironmentUnavailableException(
          executionId, "they were sealed with another key than the configured one");
    }
  }

  @Override
  public void discard(String tenantId, String executionId) {
    jdbc.update(
        "DELETE FROM execution_environment WHERE tenant_id = ? AND execution_id = ?",
        tenantId,
        executionId);
  }
}

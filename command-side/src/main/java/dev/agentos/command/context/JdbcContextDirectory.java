package dev.agentos.command.context;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link ContextDirectory} in PostgreSQL's {@code context_directory} table; a context is open
 * while {@code merged_into} is null. Every write is idempotent, so a redelivered event changes
 * nothing.
 */
@Component
public class JdbcContextDirectory implements ContextDirectory {

  private static final String SELECT =
      "SELECT context_id, tenant_id, project_id, name, merged_into FROM context_directory"
          + " WHERE tenant_id = :tenant AND context_id = :id ";

  private final NamedParameterJdbcTemplate jdbc;

  public JdbcContextDirectory(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Entry> find(String tenantId, String contextId) {
    return one(SELECT + "FOR SHARE", tenantId, contextId);
  }

  @Override
  public Optional<Entry> lockForMerge(String tenantId, String contextId) {
    return one(SELECT + "FOR UPDATE", tenantId, contextId);
  }

  /**
   * Takes a transaction-scoped advisory lock on the name first, so that two commands giving one
   * project's contexts the same name run one after the other and the second sees the first.
   */
  @Override
  public Optional<String> openContextNamed(String tenantId, String projectId, String name) {
    var params =
        new MapSqlParameterSource("tenant", tenantId)
            .addValue("project", projectId)
            .addValue("name", name)
            .addValue("key", "context-name\n" + tenantId + "\n" + projectId + "\n" + name);
    jdbc.query("SELECT pg_advisory_xact_lock(hashtext(:key))", params, row -> {});
    return jdbc
        .queryForList(
            "SELECT context_id FROM context_directory WHERE tenant_id = :tenant"
                + " AND project_id = :project AND name = :name AND merged_into IS NULL",
            params,
            String.class)
        .stream()
        .findFirst();
  }

  void add(String contextId, String tenantId, String projectId, String name, Instant createdAt) {
    jdbc.update(
        "INSERT INTO context_directory (context_id, tenant_id, project_id, name, created_at)"
            + " VALUES (:id, :tenant, :project, :name, :at) ON CONFLICT (tenant_id, context_id) DO NOTHING",
        new MapSqlParameterSource("id", contextId)
            .addValue("tenant", tenantId)
            .addValue("project", projectId)
            .addValue("name", name)
            .addValue("at", Timestamp.from(createdAt)));
  }

  void merge(String tenantId, Collection<String> sourceContextIds, String targetContextId) {
    jdbc.update(
        "UPDATE context_directory SET merged_into = :target WHERE tenant_id = :tenant"
            + " AND context_id IN (:sources) AND merged_into IS NULL",
        new MapSqlParameterSource("sources", sourceContextIds)
            .addValue("tenant", tenantId)
            .addValue("target", targetContextId));
  }

  private Optional<Entry> one(String sql, String tenantId, String contextId) {
    return jdbc
        .query(
            sql,
            new MapSqlParameterSource("id", contextId).addValue("tenant", tenantId),
            JdbcContextDirectory::entry)
        .stream()
        .findFirst();
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    return new Entry(
        row.getString("context_id"),
        row.getString("tenant_id"),
        row.getString("project_id"),
        row.getString("name"),
        row.getString("merged_into"));
  }
}

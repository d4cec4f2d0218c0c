package dev.agentos.command.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link MemoryDirectory} in PostgreSQL's {@code memory_directory} table. Reads lock the rows
 * they return shared until the command commits, so a memory cannot be forgotten or moved while a
 * command relies on what it read; every write is idempotent, so a redelivered event changes
 * nothing.
 */
@Component
public class JdbcMemoryDirectory implements MemoryDirectory {

  private static final String COLUMNS =
      "memory_id, tenant_id, project_id, context_id, content_hash, state, stored_at";

  private final NamedParameterJdbcTemplate jdbc;

  public JdbcMemoryDirectory(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Entry> find(String tenantId, String memoryId) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM memory_directory WHERE tenant_id = :tenant AND memory_id = :id FOR SHARE",
            new MapSqlParameterSource("id", memoryId).addValue("tenant", tenantId),
            JdbcMemoryDirectory::entry)
        .stream()
        .findFirst();
  }

  @Override
  public List<Entry> activeIn(String tenantId, Collection<String> contextIds) {
    if (contextIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM memory_directory WHERE tenant_id = :tenant AND context_id IN (:contexts)"
            + " AND state = 'ACTIVE' ORDER BY stored_at, memory_id FOR SHARE",
        new MapSqlParameterSource("contexts", contextIds).addValue("tenant", tenantId),
        JdbcMemoryDirectory::entry);
  }

  void add(
      String memoryId,
      String tenantId,
      String projectId,
      String contextId,
      String contentHash,
      Instant storedAt) {
    jdbc.update(
        "INSERT INTO memory_directory (memory_id, tenant_id, project_id, context_id, content_hash,"
            + " state, stored_at) VALUES (:id, :tenant, :project, :context, :hash, 'ACTIVE', :at)"
            + " ON CONFLICT (tenant_id, memory_id) DO NOTHING",
        new MapSqlParameterSource("id", memoryId)
            .addValue("tenant", tenantId)
            .addValue("project", projectId)
            .addValue("context", contextId)
            .addValue("hash", contentHash)
            .addValue("at", Timestamp.from(storedAt)));
  }

  void changeContent(String tenantId, String memoryId, String contentHash) {
    jdbc.update(
        "UPDATE memory_directory SET content_hash = :hash"
            + " WHERE tenant_id = :tenant AND memory_id = :id",
        new MapSqlParameterSource("id", memoryId)
            .addValue("tenant", tenantId)
            .addValue("hash", contentHash));
  }

  /** Sets the state of these memories of the tenant; a deleted memory stays deleted. */
  void changeState(String tenantId, Collection<String> memoryIds, State state) {
    if (memoryIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "UPDATE memory_directory SET state = :state WHERE tenant_id = :tenant"
            + " AND memory_id IN (:ids) AND state <> 'DELETED'",
        new MapSqlParameterSource("ids", memoryIds)
            .addValue("tenant", tenantId)
            .addValue("state", state.name()));
  }

  /** Moves every memory of the tenant's source contexts, whatever its state, into the target. */
  void move(String tenantId, Collection<String> fromContextIds, String toContextId) {
    jdbc.update(
        "UPDATE memory_directory SET context_id = :target"
            + " WHERE tenant_id = :tenant AND context_id IN (:sources)",
        new MapSqlParameterSource("sources", fromContextIds)
            .addValue("tenant", tenantId)
            .addValue("target", toContextId));
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    return new Entry(
        row.getString("memory_id"),
        row.getString("tenant_id"),
        row.getString("project_id"),
        row.getString("context_id"),
        row.getString("content_hash"),
        State.valueOf(row.getString("state")),
        row.getTimestamp("stored_at").toInstant());
  }
}

package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.Optional;

/**
 * Reads {@code memories_by_id}. The projection changes rows a batch at a time; readers take the row
 * as it is.
 */
public final class MemoryTables {

  private final CqlSession session;
  private final PreparedStatement select;

  public MemoryTables(CqlSession session) {
    this.session = session;
    this.select =
        session.prepare("SELECT * FROM memories_by_id WHERE tenant_id = ? AND memory_id = ?");
  }

  public Optional<MemoryRow> read(String tenantId, String memoryId) {
    return Optional.ofNullable(session.execute(select.bind(tenantId, memoryId)).one())
        .map(MemoryTables::toRow);
  }

  public static MemoryRow toRow(Row r) {
    return new MemoryRow(
        r.getString("tenant_id"),
        r.getString("memory_id"),
        r.getString("project_id"),
        r.getString("context_id"),
        r.getString("agent_id"),
        r.getString("session_id"),
        r.getString("type"),
        r.getString("content"),
        r.getString("content_hash"),
        r.getSet("tags", String.class),
        r.getMap("metadata", String.class, String.class),
        r.getFloat("confidence"),
        MemoryState.valueOf(r.getString("state")),
        r.getString("superseded_by"),
        r.getString("collapsed_into"),
        r.getInstant("created_at"),
        r.getInstant("updated_at"),
        r.getInstant("expires_at"),
        r.getLong("version"));
  }
}

package dev.agentos.readmodels.history;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every version of a memory, from the history read model ({@value HistorySchema#TABLE}), within one
 * tenant: the partition is the tenant's own, so another tenant's memory has no history here,
 * exactly as if it did not exist. A deleted memory keeps its history, its last version DELETED.
 *
 * <p>The table is the projections' to create: until it exists (the projections have not started on
 * this keyspace yet) every memory reads as unknown, rather than failing.
 */
public final class MemoryHistoryReader {

  private static final String SELECT =
      "SELECT * FROM " + HistorySchema.TABLE + " WHERE tenant_id = ? AND memory_id = ?";

  private final CqlSession session;
  private final AtomicReference<PreparedStatement> select = new AtomicReference<>();

  /**
   * @param session a session on the read models' keyspace
   */
  public MemoryHistoryReader(CqlSession session) {
    this.session = session;
  }

  /** The memory's versions, oldest first; empty when the tenant has no memory of this id. */
  public List<MemoryVersion> versions(String tenantId, String memoryId) {
    Optional<PreparedStatement> statement = select();
    if (statement.isEmpty()) {
      return List.of();
    }
    List<HistoryRow> rows =
        session.execute(statement.get().bind(tenantId, memoryId)).all().stream()
            .map(MemoryHistoryReader::toRow)
            .toList();
    return MemoryHistoryFold.versions(rows);
  }

  /**
   * The latest version whose event happened at or before {@code instant}; empty before the first
   * event, or when the tenant has no memory of this id.
   */
  public Optional<MemoryVersion> asOf(String tenantId, String memoryId, Instant instant) {
    return latestAtOrBefore(versions(tenantId, memoryId), instant);
  }

  public static Optional<MemoryVersion> latestAtOrBefore(
      List<MemoryVersion> versions, Instant instant) {
    MemoryVersion found = null;
    for (MemoryVersion v : versions) {
      if (v.occurredAt().isAfter(instant)) {
        break;
      }
      found = v;
    }
    return Optional.ofNullable(found);
  }

  /** The query, prepared once the table exists; empty while it does not. */
  private Optional<PreparedStatement> select() {
    PreparedStatement prepared = select.get();
    if (prepared != null) {
      return Optional.of(prepared);
    }
    CqlIdentifier keyspace =
        session
            .getKeyspace()
            .orElseThrow(() -> new IllegalStateException("the session has no keyspace"));
    boolean exists =
        session
            .getMetadata()
            .getKeyspace(keyspace)
            .flatMap(k -> k.getTable(HistorySchema.TABLE))
            .isPresent();
    if (!exists) {
      return Optional.empty();
    }
    select.compareAndSet(null, session.prepare(SELECT));
    return Optional.of(select.get());
  }

  private static HistoryRow toRow(Row r) {
    return new HistoryRow(
        r.getString("tenant_id"),
        r.getString("memory_id"),
        r.getLong("sequence"),
        r.getString("event_type"),
        r.getString("event_id"),
        r.getInstant("occurred_at"),
        r.getString("agent_id"),
        r.getString("session_id"),
        r.getString("project_id"),
        r.getString("context_id"),
        r.getString("memory_type"),
        r.getString("content"),
        r.getString("content_hash"),
        r.isNull("tags") ? null : r.getSet("tags", String.class),
        r.isNull("metadata") ? null : r.getMap("metadata", String.class, String.class),
        r.isNull("confidence") ? null : r.getFloat("confidence"),
        r.getInstant("expires_at"),
        r.getString("superseded_by"),
        r.getString("relation_id"),
        r.getString("to_memory_id"),
        r.getString("relation_type"),
        r.isNull("strength") ? null : r.getFloat("strength"));
  }
}

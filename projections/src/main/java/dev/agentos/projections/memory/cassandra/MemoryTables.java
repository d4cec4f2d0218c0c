package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and writes {@code memories_by_id} and {@code memory_lists}. A memory is listed only while
 * ACTIVE and unexpired; its list rows carry a TTL up to {@code expires_at}, so an expired memory
 * drops out of every list without a sweeper (its row by id stays, with {@code expires_at}).
 *
 * <p>Writers call {@link #relist} before {@link #write}: if a crash falls between the two, the
 * retry still reads the old row and removes the old list rows.
 */
final class MemoryTables {

  // Cassandra's largest TTL (20 years); a later expiry is stored in full on the row by id.
  private static final long MAX_TTL_SECONDS = 630_720_000L;

  private final CqlSession session;
  private final PreparedStatement select;
  private final PreparedStatement insert;
  private final PreparedStatement setVersion;
  private final PreparedStatement insertListed;
  private final PreparedStatement deleteListed;

  MemoryTables(CqlSession session) {
    this.session = session;
    this.select =
        session.prepare("SELECT * FROM memories_by_id WHERE tenant_id = ? AND memory_id = ?");
    this.insert =
        session.prepare(
            "INSERT INTO memories_by_id (tenant_id, memory_id, project_id, context_id, agent_id,"
                + " session_id, type, content, content_hash, tags, metadata, confidence, state,"
                + " superseded_by, collapsed_into, created_at, updated_at, expires_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.setVersion =
        session.prepare(
            "UPDATE memories_by_id SET version = ? WHERE tenant_id = ? AND memory_id = ?");
    this.insertListed =
        session.prepare(
            "INSERT INTO memory_lists (tenant_id, scope, scope_id, type, tag, created_at,"
                + " memory_id, project_id, context_id, agent_id, session_id, memory_type, content,"
                + " tags, confidence, updated_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    this.deleteListed =
        session.prepare(
            "DELETE FROM memory_lists WHERE tenant_id = ? AND scope = ? AND scope_id = ?"
                + " AND type = ? AND tag = ? AND created_at = ? AND memory_id = ?");
  }

  Optional<MemoryRow> read(String tenantId, String memoryId) {
    return Optional.ofNullable(session.execute(select.bind(tenantId, memoryId)).one())
        .map(MemoryTables::toRow);
  }

  void write(MemoryRow m) {
    session.execute(
        insert.bind(
            m.tenantId(),
            m.memoryId(),
            m.projectId(),
            m.contextId(),
            m.agentId(),
            m.sessionId(),
            m.type(),
            m.content(),
            m.contentHash(),
            m.tags(),
            m.metadata(),
            m.confidence(),
            m.state().name(),
            m.supersededBy(),
            m.collapsedInto(),
            m.createdAt(),
            m.updatedAt(),
            m.expiresAt(),
            m.version()));
  }

  void writeVersion(String tenantId, String memoryId, long version) {
    session.execute(setVersion.bind(version, tenantId, memoryId));
  }

  /** Replaces the list rows of {@code before} (if any) with those of {@code after} (if listed). */
  void relist(MemoryRow before, MemoryRow after, Instant now) {
    if (before != null) {
      for (ListKey k : ListKey.keysOf(before)) {
        session.execute(
            deleteListed.bind(
                before.tenantId(),
                k.scope(),
                k.scopeId(),
                k.type(),
                k.tag(),
                before.createdAt(),
                before.memoryId()));
      }
    }
    Integer ttl = after == null || !after.listed() ? null : ttlSeconds(after.expiresAt(), now);
    if (ttl == null || ttl < 0) {
      return; // not listed, or already expired
    }
    for (ListKey k : ListKey.keysOf(after)) {
      session.execute(
          insertListed.bind(
              after.tenantId(),
              k.scope(),
              k.scopeId(),
              k.type(),
              k.tag(),
              after.createdAt(),
              after.memoryId(),
              after.projectId(),
              after.contextId(),
              after.agentId(),
              after.sessionId(),
              after.type(),
              after.content(),
              after.tags(),
              after.confidence(),
              after.updatedAt(),
              after.expiresAt(),
              ttl));
    }
  }

  /** 0 (no TTL) when the memory does not expire, -1 when it already has. */
  static int ttlSeconds(Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return 0;
    }
    long millis = Duration.between(now, expiresAt).toMillis();
    if (millis <= 0) {
      return -1;
    }
    return (int) Math.min(MAX_TTL_SECONDS, (millis + 999) / 1000);
  }

  static MemoryRow toRow(Row r) {
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

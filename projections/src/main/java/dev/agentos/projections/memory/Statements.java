package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.readmodels.memory.MemoryRow;

/** Every statement the memory read-model writers run, prepared once per session. */
final class Statements {

  final PreparedStatement selectMemory;
  final PreparedStatement insertMemory;
  final PreparedStatement insertListed;
  final PreparedStatement deleteListed;
  final PreparedStatement selectMembers;
  final PreparedStatement addMember;
  final PreparedStatement removeMember;
  final PreparedStatement removeMembers;
  final PreparedStatement insertRelationOut;
  final PreparedStatement insertRelationIn;
  final PreparedStatement deleteRelationOut;
  final PreparedStatement deleteRelationIn;
  final PreparedStatement insertContext;
  final PreparedStatement closeContext;
  final PreparedStatement switchSession;
  final PreparedStatement selectTally;
  final PreparedStatement upsertTally;
  final PreparedStatement lastAccess;

  Statements(CqlSession session) {
    selectMemory =
        session.prepare("SELECT * FROM memories_by_id WHERE tenant_id = ? AND memory_id = ?");
    insertMemory =
        session.prepare(
            "INSERT INTO memories_by_id (tenant_id, memory_id, project_id, context_id, agent_id,"
                + " session_id, type, content, content_hash, tags, metadata, confidence, state,"
                + " superseded_by, collapsed_into, created_at, updated_at, expires_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertListed =
        session.prepare(
            "INSERT INTO memories_by_scope (tenant_id, scope, scope_id, created_at, memory_id,"
                + " project_id, context_id, agent_id, session_id, memory_type, content, tags,"
                + " confidence, updated_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    deleteListed =
        session.prepare(
            "DELETE FROM memories_by_scope WHERE tenant_id = ? AND scope = ? AND scope_id = ?"
                + " AND created_at = ? AND memory_id = ?");
    selectMembers =
        session.prepare(
            "SELECT memory_id FROM context_members WHERE tenant_id = ? AND context_id = ?");
    addMember =
        session.prepare(
            "INSERT INTO context_members (tenant_id, context_id, memory_id, added_at,"
                + " collapsed_into) VALUES (?, ?, ?, ?, ?)");
    removeMember =
        session.prepare(
            "DELETE FROM context_members WHERE tenant_id = ? AND context_id = ? AND memory_id = ?");
    removeMembers =
        session.prepare("DELETE FROM context_members WHERE tenant_id = ? AND context_id = ?");
    insertRelationOut = session.prepare(insertRelation("relations_out"));
    insertRelationIn = session.prepare(insertRelation("relations_in"));
    deleteRelationOut = session.prepare(deleteRelation("relations_out"));
    deleteRelationIn = session.prepare(deleteRelation("relations_in"));
    insertContext =
        session.prepare(
            "INSERT INTO contexts (tenant_id, context_id, project_id, name, description,"
                + " parent_context_id, tags, state, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)");
    closeContext =
        session.prepare(
            "UPDATE contexts SET state = 'MERGED', merged_into = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND context_id = ?");
    switchSession =
        session.prepare(
            "INSERT INTO session_contexts (tenant_id, session_id, context_id,"
                + " previous_context_id, switched_at) VALUES (?, ?, ?, ?, ?)");
    selectTally =
        session.prepare(
            "SELECT access_count, recent_event_ids FROM memory_access_tallies"
                + " WHERE tenant_id = ? AND memory_id = ? AND reader = ?");
    upsertTally =
        session.prepare(
            "INSERT INTO memory_access_tallies (tenant_id, memory_id, reader, access_count,"
                + " recent_event_ids) VALUES (?, ?, ?, ?, ?)");
    lastAccess =
        session.prepare(
            "INSERT INTO memory_access_last (tenant_id, memory_id, last_accessed_at,"
                + " last_access_kind) VALUES (?, ?, ?, ?)");
  }

  private static String insertRelation(String table) {
    return "INSERT INTO "
        + table
        + " (tenant_id, memory_id, relation_id, other_memory_id, relation_type, strength,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  }

  private static String deleteRelation(String table) {
    return "DELETE FROM " + table + " WHERE tenant_id = ? AND memory_id = ? AND relation_id = ?";
  }

  /** Binds the write of a whole {@code memories_by_id} row. */
  BoundStatement insertMemory(MemoryRow m) {
    return insertMemory.bind(
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
        m.version());
  }
}

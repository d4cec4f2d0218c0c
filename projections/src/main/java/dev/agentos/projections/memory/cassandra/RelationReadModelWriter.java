package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;

/**
 * Keeps each relation twice, under its source ({@code relations_out}) and under its target ({@code
 * relations_in}), so both directions are one partition read. A relation belongs to its source
 * memory's aggregate, so its events also advance that memory's {@code version}. Applied once per
 * {@code eventId} ({@link AppliedEvents}); events of one source memory arrive in order.
 */
public final class RelationReadModelWriter {

  private final CqlSession session;
  private final AppliedEvents applied;
  private final MemoryTables memories;
  private final PreparedStatement insertOut;
  private final PreparedStatement insertIn;
  private final PreparedStatement deleteOut;
  private final PreparedStatement deleteIn;

  public RelationReadModelWriter(CqlSession session) {
    this.session = session;
    this.applied = new AppliedEvents(session);
    this.memories = new MemoryTables(session);
    this.insertOut = session.prepare(insert("relations_out"));
    this.insertIn = session.prepare(insert("relations_in"));
    this.deleteOut = session.prepare(delete("relations_out"));
    this.deleteIn = session.prepare(delete("relations_in"));
  }

  public void on(MemoryRelationAdded e) {
    EventHeader h = e.getHeader();
    AppliedEvents.Claim claim = claim(h, e.getFromMemoryId());
    if (!claim.mustWrite()) {
      return;
    }
    String type = e.getRelationType().name();
    String t = h.getTenantId();
    session.execute(
        insertOut.bind(
            t,
            e.getFromMemoryId(),
            e.getRelationId(),
            e.getToMemoryId(),
            type,
            e.getStrength(),
            h.getOccurredAt()));
    session.execute(
        insertIn.bind(
            t,
            e.getToMemoryId(),
            e.getRelationId(),
            e.getFromMemoryId(),
            type,
            e.getStrength(),
            h.getOccurredAt()));
    finish(h, e.getFromMemoryId(), claim);
  }

  public void on(MemoryRelationRemoved e) {
    EventHeader h = e.getHeader();
    AppliedEvents.Claim claim = claim(h, e.getFromMemoryId());
    if (!claim.mustWrite()) {
      return;
    }
    session.execute(deleteOut.bind(h.getTenantId(), e.getFromMemoryId(), e.getRelationId()));
    session.execute(deleteIn.bind(h.getTenantId(), e.getToMemoryId(), e.getRelationId()));
    finish(h, e.getFromMemoryId(), claim);
  }

  private AppliedEvents.Claim claim(EventHeader h, String fromMemoryId) {
    long next = memories.read(h.getTenantId(), fromMemoryId).map(m -> m.version() + 1).orElse(-1L);
    return applied.claim(h.getEventId(), next);
  }

  private void finish(EventHeader h, String fromMemoryId, AppliedEvents.Claim claim) {
    if (claim.version() >= 0) { // else the memory is unknown: no half row holding only a version
      memories.writeVersion(h.getTenantId(), fromMemoryId, claim.version());
    }
    applied.finish(h.getEventId());
  }

  private static String insert(String table) {
    return "INSERT INTO "
        + table
        + " (tenant_id, memory_id, relation_id, other_memory_id, relation_type, strength,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  }

  private static String delete(String table) {
    return "DELETE FROM " + table + " WHERE tenant_id = ? AND memory_id = ? AND relation_id = ?";
  }
}

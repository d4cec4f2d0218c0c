package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Applies the memory lifecycle events to {@code memories_by_id}, {@code memory_lists} and {@code
 * context_members}. Each event is applied once per {@code eventId} ({@link AppliedEvents}): a
 * redelivery changes nothing. Events of one memory arrive in order (the topic is keyed by memory
 * id), so each handler may read the current row and derive the next one from it.
 *
 * <p>An event for a memory the read model does not know (an update before its store) is refused
 * with {@link IllegalStateException}: upstream ordering makes it a defect, and the record belongs
 * in the dead-letter topic rather than silently dropped.
 */
public final class MemoryReadModelWriter {

  private final CqlSession session;
  private final AppliedEvents applied;
  private final MemoryTables memories;
  private final Clock clock;
  private final PreparedStatement addMember;
  private final PreparedStatement removeMember;

  public MemoryReadModelWriter(CqlSession session, Clock clock) {
    this.session = session;
    this.applied = new AppliedEvents(session);
    this.memories = new MemoryTables(session);
    this.clock = clock;
    this.addMember =
        session.prepare(
            "INSERT INTO context_members (tenant_id, context_id, memory_id, added_at)"
                + " VALUES (?, ?, ?, ?)");
    this.removeMember =
        session.prepare(
            "DELETE FROM context_members WHERE tenant_id = ? AND context_id = ? AND memory_id = ?");
  }

  public void on(MemoryStored e) {
    EventHeader h = e.getHeader();
    if (!applied.claim(h.getEventId(), 0).mustWrite()) {
      return;
    }
    MemoryRow row = MemoryRows.stored(e);
    memories.relist(null, row, clock.instant());
    memories.write(row);
    session.execute(
        addMember.bind(h.getTenantId(), row.contextId(), row.memoryId(), h.getOccurredAt()));
    applied.finish(h.getEventId());
  }

  public void on(MemoryUpdated e) {
    change(e.getHeader(), e.getMemoryId(), (row, v) -> MemoryRows.updated(row, e, v), null);
  }

  public void on(MemorySuperseded e) {
    change(e.getHeader(), e.getMemoryId(), (row, v) -> MemoryRows.superseded(row, e, v), null);
  }

  /** A forgotten memory also leaves its context's members. */
  public void on(MemoryDeleted e) {
    change(
        e.getHeader(),
        e.getMemoryId(),
        (row, v) -> MemoryRows.deleted(row, e, v),
        row -> session.execute(removeMember.bind(row.tenantId(), row.contextId(), row.memoryId())));
  }

  /**
   * Claims the event with the version it gives the memory, then writes the changed row: list rows
   * first, the row by id last (see {@link MemoryTables}), then {@code also} (may be null).
   */
  private void change(
      EventHeader h,
      String memoryId,
      BiFunction<MemoryRow, Long, MemoryRow> next,
      Consumer<MemoryRow> also) {
    MemoryRow before =
        memories
            .read(h.getTenantId(), memoryId)
            .orElseThrow(() -> new IllegalStateException("unknown memory " + memoryId));
    AppliedEvents.Claim claim = applied.claim(h.getEventId(), before.version() + 1);
    if (!claim.mustWrite()) {
      return;
    }
    MemoryRow after = next.apply(before, claim.version());
    memories.relist(before, after, clock.instant());
    memories.write(after);
    if (also != null) {
      also.accept(after);
    }
    applied.finish(h.getEventId());
  }
}

package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies context events to {@code contexts}, {@code context_members} and {@code session_contexts};
 * a merge also moves the memories (their row by id and their list rows) into the target. Applied
 * once per {@code eventId} ({@link AppliedEvents}). Context events are keyed by context id and
 * switches by session id upstream, so each arrives after the ones it follows.
 *
 * <p>A merge moves every member of the sources, and every collapsed duplicate, into the target: a
 * duplicate stays readable by id as SUPERSEDED by the memory kept, is marked {@code collapsed_into}
 * among the target's members, and leaves the lists. The sources' member rows are removed last, so a
 * retry after a crash finds all of them again.
 */
public final class ContextReadModelWriter {

  private final CqlSession session;
  private final AppliedEvents applied;
  private final MemoryTables memories;
  private final Clock clock;
  private final PreparedStatement insertContext;
  private final PreparedStatement closeContext;
  private final PreparedStatement switchSession;
  private final PreparedStatement members;
  private final PreparedStatement addMember;
  private final PreparedStatement removeMembers;

  public ContextReadModelWriter(CqlSession session, Clock clock) {
    this.session = session;
    this.applied = new AppliedEvents(session);
    this.memories = new MemoryTables(session);
    this.clock = clock;
    this.insertContext =
        session.prepare(
            "INSERT INTO contexts (tenant_id, context_id, project_id, name, description,"
                + " parent_context_id, tags, state, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)");
    this.closeContext =
        session.prepare(
            "UPDATE contexts SET state = 'MERGED', merged_into = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND context_id = ?");
    this.switchSession =
        session.prepare(
            "INSERT INTO session_contexts (tenant_id, session_id, context_id,"
                + " previous_context_id, switched_at) VALUES (?, ?, ?, ?, ?)");
    this.members =
        session.prepare(
            "SELECT memory_id FROM context_members WHERE tenant_id = ? AND context_id = ?");
    this.addMember =
        session.prepare(
            "INSERT INTO context_members (tenant_id, context_id, memory_id, added_at,"
                + " collapsed_into) VALUES (?, ?, ?, ?, ?)");
    this.removeMembers =
        session.prepare("DELETE FROM context_members WHERE tenant_id = ? AND context_id = ?");
  }

  public void on(ContextCreated e) {
    EventHeader h = e.getHeader();
    if (applied.claim(h.getEventId()).mustWrite()) {
      session.execute(
          insertContext.bind(
              h.getTenantId(),
              e.getContextId(),
              h.getProjectId(),
              e.getName(),
              e.getDescription(),
              e.getParentContextId(),
              new LinkedHashSet<>(e.getTags()),
              h.getOccurredAt(),
              h.getOccurredAt()));
      applied.finish(h.getEventId());
    }
  }

  public void on(ContextSwitched e) {
    EventHeader h = e.getHeader();
    if (applied.claim(h.getEventId()).mustWrite()) {
      session.execute(
          switchSession.bind(
              h.getTenantId(),
              e.getSessionId(),
              e.getContextId(),
              e.getPreviousContextId(),
              h.getOccurredAt()));
      applied.finish(h.getEventId());
    }
  }

  public void on(ContextsMerged e) {
    EventHeader h = e.getHeader();
    if (!applied.claim(h.getEventId()).mustWrite()) {
      return;
    }
    String tenant = h.getTenantId();
    Instant at = h.getOccurredAt();
    Map<String, String> keptFor =
        e.getCollapsedDuplicates().stream()
            .collect(
                Collectors.toMap(
                    CollapsedDuplicate::getMemoryId, CollapsedDuplicate::getKeptMemoryId));
    Set<String> moving = new LinkedHashSet<>();
    for (String source : e.getSourceContextIds()) {
      for (Row r : session.execute(members.bind(tenant, source))) {
        moving.add(r.getString("memory_id"));
      }
    }
    moving.addAll(keptFor.keySet());
    for (String memoryId : moving) {
      String kept = keptFor.get(memoryId);
      memories
          .read(tenant, memoryId)
          .ifPresent(
              before -> {
                MemoryRow after =
                    kept == null
                        ? MemoryRows.movedTo(before, e.getTargetContextId(), at)
                        : MemoryRows.collapsed(before, kept, e.getTargetContextId(), at);
                memories.relist(before, after, clock.instant());
                memories.write(after);
              });
      session.execute(addMember.bind(tenant, e.getTargetContextId(), memoryId, at, kept));
    }
    for (String source : e.getSourceContextIds()) {
      session.execute(removeMembers.bind(tenant, source));
      session.execute(closeContext.bind(e.getTargetContextId(), at, tenant, source));
    }
    applied.finish(h.getEventId());
  }
}

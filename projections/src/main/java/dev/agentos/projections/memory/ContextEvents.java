package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies context events to a {@link Batch}: {@code contexts}, {@code context_members} and {@code
 * session_contexts}; a merge also moves the memories (their row by id and their list rows) into the
 * target.
 *
 * <p>Idempotent by construction, with no record of the events applied: creating a context and
 * switching a session are upserts; {@code contexts} and {@code session_contexts} are written at
 * their events' times, so a context's creation replayed after another context's merge closed it
 * cannot reopen it. A merge moves every member of the sources, and every collapsed duplicate, into
 * the target: a duplicate stays readable by id as SUPERSEDED by the memory kept, is marked {@code
 * collapsed_into} among the target's members, and leaves the lists. The sources' members are
 * removed last ({@link Batch.Stage#CLEANUP}), so a merge redelivered after a crash finds them all
 * again, and one redelivered after it finished finds nothing left to move.
 */
final class ContextEvents {

  private final CqlSession session;
  private final Statements statements;

  ContextEvents(CqlSession session, Statements statements) {
    this.session = session;
    this.statements = statements;
  }

  void created(Batch batch, ContextCreated e) {
    EventHeader h = e.getHeader();
    batch.addAtEventTime(
        Batch.Stage.DEPENDENTS,
        statements.insertContext.bind(
            h.getTenantId(),
            e.getContextId(),
            h.getProjectId(),
            e.getName(),
            e.getDescription(),
            e.getParentContextId(),
            new LinkedHashSet<>(e.getTags()),
            h.getOccurredAt(),
            h.getOccurredAt()),
        h.getOccurredAt());
  }

  void switched(Batch batch, ContextSwitched e) {
    EventHeader h = e.getHeader();
    batch.addAtEventTime(
        Batch.Stage.DEPENDENTS,
        statements.switchSession.bind(
            h.getTenantId(),
            e.getSessionId(),
            e.getContextId(),
            e.getPreviousContextId(),
            h.getOccurredAt()),
        h.getOccurredAt());
  }

  /**
   * Reads the sources' members as stored: the caller writes the batch before a merge, so the
   * memories earlier events added are among them.
   */
  void merged(Batch batch, ContextsMerged e) {
    EventHeader h = e.getHeader();
    String tenant = h.getTenantId();
    Instant at = h.getOccurredAt();
    Map<String, String> keptFor =
        e.getCollapsedDuplicates().stream()
            .collect(
                Collectors.toMap(
                    CollapsedDuplicate::getMemoryId, CollapsedDuplicate::getKeptMemoryId));
    Set<String> moving = new LinkedHashSet<>();
    for (String source : e.getSourceContextIds()) {
      for (Row r : session.execute(statements.selectMembers.bind(tenant, source))) {
        moving.add(r.getString("memory_id"));
      }
    }
    moving.addAll(keptFor.keySet());
    batch.readMemories(moving.stream().map(id -> new Batch.MemoryKey(tenant, id)).toList());
    for (String memoryId : moving) {
      String kept = keptFor.get(memoryId);
      batch
          .memory(tenant, memoryId)
          .ifPresent(
              before ->
                  batch.put(
                      kept == null
                          ? MemoryRows.movedTo(before, e.getTargetContextId(), at)
                          : MemoryRows.collapsed(before, kept, e.getTargetContextId(), at)));
      batch.addToPartition(
          statements.addMember.bind(tenant, e.getTargetContextId(), memoryId, at, kept));
    }
    for (String source : sources(e)) {
      batch.add(Batch.Stage.CLEANUP, statements.removeMembers.bind(tenant, source));
      batch.addAtEventTime(
          Batch.Stage.CLEANUP,
          statements.closeContext.bind(e.getTargetContextId(), at, tenant, source),
          at);
    }
  }

  private static List<String> sources(ContextsMerged e) {
    return List.copyOf(new LinkedHashSet<>(e.getSourceContextIds()));
  }
}

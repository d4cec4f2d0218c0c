package dev.agentos.projections.memory;

import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.memory.MemoryRow;
import dev.agentos.readmodels.memory.MemoryState;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How each memory event changes a {@link MemoryRow}: pure functions, so the mapping is tested
 * without a server. Scope (tenant, project, context, agent, session) and {@code created_at} come
 * from {@link MemoryStored} and never change afterwards, except the context, which only a merge
 * moves.
 */
final class MemoryRows {

  private MemoryRows() {}

  static MemoryRow stored(MemoryStored e) {
    return stored(e, 0);
  }

  /** The memory as stored, at its aggregate {@code sequence} (0 for a memory's first event). */
  static MemoryRow stored(MemoryStored e, long sequence) {
    var h = e.getHeader();
    return new MemoryRow(
        h.getTenantId(),
        e.getMemoryId(),
        h.getProjectId(),
        e.getContextId(),
        h.getAgentId(),
        h.getSessionId(),
        e.getType().name(),
        e.getContent(),
        e.getContentHash(),
        new LinkedHashSet<>(e.getTags()),
        e.getMetadata(),
        e.getConfidence(),
        MemoryState.ACTIVE,
        null,
        null,
        h.getOccurredAt(),
        h.getOccurredAt(),
        e.getExpiresAt(),
        sequence);
  }

  /** MemoryUpdated carries every mutable field, so the new state needs nothing else. */
  static MemoryRow updated(MemoryRow r, MemoryUpdated e, long version) {
    return new MemoryRow(
        r.tenantId(),
        r.memoryId(),
        r.projectId(),
        r.contextId(),
        r.agentId(),
        r.sessionId(),
        e.getType().name(),
        e.getContent(),
        e.getContentHash(),
        new LinkedHashSet<>(e.getTags()),
        e.getMetadata(),
        e.getConfidence(),
        r.state(),
        r.supersededBy(),
        r.collapsedInto(),
        r.createdAt(),
        e.getHeader().getOccurredAt(),
        e.getExpiresAt(),
        version);
  }

  static MemoryRow superseded(MemoryRow r, MemorySuperseded e, long version) {
    return withState(
        r, MemoryState.SUPERSEDED, e.getSupersededBy(), e.getHeader().getOccurredAt(), version);
  }

  /**
   * A forgotten memory keeps its row, so a read can tell "deleted" from "never existed", but loses
   * what it said: forgetting (a retention policy, a user's request) must not leave the text behind.
   */
  static MemoryRow deleted(MemoryRow r, MemoryDeleted e, long version) {
    return new MemoryRow(
        r.tenantId(),
        r.memoryId(),
        r.projectId(),
        r.contextId(),
        r.agentId(),
        r.sessionId(),
        r.type(),
        null,
        null,
        Set.of(),
        Map.of(),
        r.confidence(),
        MemoryState.DELETED,
        r.supersededBy(),
        r.collapsedInto(),
        r.createdAt(),
        e.getHeader().getOccurredAt(),
        r.expiresAt(),
        version);
  }

  /** A duplicate a merge dropped: no longer retrieved, like a superseded memory, and marked. */
  static MemoryRow collapsed(MemoryRow r, String keptMemoryId, String targetContextId, Instant at) {
    MemoryRow moved = movedTo(r, targetContextId, at);
    return new MemoryRow(
        r.tenantId(),
        r.memoryId(),
        r.projectId(),
        moved.contextId(),
        r.agentId(),
        r.sessionId(),
        r.type(),
        r.content(),
        r.contentHash(),
        r.tags(),
        r.metadata(),
        r.confidence(),
        MemoryState.SUPERSEDED,
        keptMemoryId,
        keptMemoryId,
        r.createdAt(),
        at,
        r.expiresAt(),
        r.version());
  }

  /** A relation event: the memory itself is unchanged, its aggregate moved on. */
  static MemoryRow withVersion(MemoryRow r, long version) {
    return withState(r, r.state(), r.supersededBy(), r.updatedAt(), version);
  }

  static MemoryRow movedTo(MemoryRow r, String contextId, Instant at) {
    return new MemoryRow(
        r.tenantId(),
        r.memoryId(),
        r.projectId(),
        contextId,
        r.agentId(),
        r.sessionId(),
        r.type(),
        r.content(),
        r.contentHash(),
        r.tags(),
        r.metadata(),
        r.confidence(),
        r.state(),
        r.supersededBy(),
        r.collapsedInto(),
        r.createdAt(),
        at,
        r.expiresAt(),
        r.version());
  }

  private static MemoryRow withState(
      MemoryRow r, MemoryState state, String supersededBy, Instant at, long version) {
    return new MemoryRow(
        r.tenantId(),
        r.memoryId(),
        r.projectId(),
        r.contextId(),
        r.agentId(),
        r.sessionId(),
        r.type(),
        r.content(),
        r.contentHash(),
        r.tags(),
        r.metadata(),
        r.confidence(),
        state,
        supersededBy,
        r.collapsedInto(),
        r.createdAt(),
        at,
        r.expiresAt(),
        version);
  }
}

package dev.agentos.projections.history;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.history.HistoryRow;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The history row of one memory event: a function of the event and its sequence alone, so a
 * redelivered or replayed event makes the same row, written over itself, whatever arrived before. A
 * relation's row belongs to its source memory, whose aggregate the relation events are part of.
 */
public final class HistoryRows {

  private HistoryRows() {}

  public static HistoryRow of(SpecificRecord event, long sequence) {
    if (event instanceof MemoryStored e) {
      return row(e.getHeader(), e.getMemoryId(), sequence, HistoryRow.STORED)
          .content(
              e.getContextId(),
              e.getType().name(),
              e.getContent(),
              e.getContentHash(),
              Set.copyOf(e.getTags()),
              e.getMetadata(),
              e.getConfidence(),
              e.getExpiresAt())
          .build();
    }
    if (event instanceof MemoryUpdated e) {
      return row(e.getHeader(), e.getMemoryId(), sequence, HistoryRow.UPDATED)
          .content(
              null,
              e.getType().name(),
              e.getContent(),
              e.getContentHash(),
              Set.copyOf(e.getTags()),
              e.getMetadata(),
              e.getConfidence(),
              e.getExpiresAt())
          .build();
    }
    if (event instanceof MemorySuperseded e) {
      Builder row = row(e.getHeader(), e.getMemoryId(), sequence, HistoryRow.SUPERSEDED);
      row.supersededBy = e.getSupersededBy();
      return row.build();
    }
    if (event instanceof MemoryDeleted e) {
      return row(e.getHeader(), e.getMemoryId(), sequence, HistoryRow.DELETED).build();
    }
    if (event instanceof MemoryRelationAdded e) {
      return row(e.getHeader(), e.getFromMemoryId(), sequence, HistoryRow.RELATION_ADDED)
          .relation(
              e.getRelationId(), e.getToMemoryId(), e.getRelationType().name(), e.getStrength())
          .build();
    }
    if (event instanceof MemoryRelationRemoved e) {
      return row(e.getHeader(), e.getFromMemoryId(), sequence, HistoryRow.RELATION_REMOVED)
          .relation(e.getRelationId(), e.getToMemoryId(), null, null)
          .build();
    }
    throw new IllegalArgumentException(
        "not an event of a memory's history: " + event.getSchema().getFullName());
  }

  private static Builder row(EventHeader h, String memoryId, long sequence, String eventType) {
    Builder b = new Builder();
    b.tenantId = h.getTenantId();
    b.memoryId = memoryId;
    b.sequence = sequence;
    b.eventType = eventType;
    b.header = h;
    return b;
  }

  /** The columns an event fills; the others stay null. */
  private static final class Builder {
    String tenantId;
    String memoryId;
    long sequence;
    String eventType;
    EventHeader header;
    String contextId;
    String memoryType;
    String content;
    String contentHash;
    Set<String> tags;
    Map<String, String> metadata;
    Float confidence;
    Instant expiresAt;
    String supersededBy;
    String relationId;
    String toMemoryId;
    String relationType;
    Float strength;

    Builder content(
        String contextId,
        String memoryType,
        String content,
        String contentHash,
        Set<String> tags,
        Map<String, String> metadata,
        float confidence,
        Instant expiresAt) {
      this.contextId = contextId;
      this.memoryType = memoryType;
      this.content = content;
      this.contentHash = contentHash;
      this.tags = tags;
      this.metadata = metadata;
      this.confidence = confidence;
      this.expiresAt = expiresAt;
      return this;
    }

    Builder relation(String relationId, String toMemoryId, String relationType, Float strength) {
      this.relationId = relationId;
      this.toMemoryId = toMemoryId;
      this.relationType = relationType;
      this.strength = strength;
      return this;
    }

    HistoryRow build() {
      return new HistoryRow(
          tenantId,
          memoryId,
          sequence,
          eventType,
          header.getEventId(),
          header.getOccurredAt(),
          header.getAgentId(),
          header.getSessionId(),
          header.getProjectId(),
          contextId,
          memoryType,
          content,
          contentHash,
          tags,
          metadata,
          confidence,
          expiresAt,
          supersededBy,
          relationId,
          toMemoryId,
          relationType,
          strength);
    }
  }
}

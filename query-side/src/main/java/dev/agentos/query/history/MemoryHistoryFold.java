package dev.agentos.query.history;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Folds a memory aggregate's events, in sequence order, into one version per event, the same way
 * the aggregate itself replays them: a memory's stream starts with {@code MemoryStored}, and later
 * events change only what they carry.
 */
public final class MemoryHistoryFold {

  private MemoryHistoryFold() {}

  /**
   * @throws IllegalStateException when the stream does not start with MemoryStored, or holds an
   *     event a memory cannot have: the event store is then not what this code was written for
   */
  public static List<MemoryVersion> versions(List<StoredEvent> events) {
    List<MemoryVersion> versions = new ArrayList<>(events.size());
    MemoryVersion last = null;
    for (StoredEvent event : events) {
      last = apply(last, event);
      versions.add(last);
    }
    return List.copyOf(versions);
  }

  private static MemoryVersion apply(MemoryVersion before, StoredEvent event) {
    SpecificRecord payload = event.payload();
    if (payload instanceof MemoryStored stored) {
      if (before != null) {
        throw unexpected(event, "a second MemoryStored");
      }
      return stored(event.sequence(), stored);
    }
    if (before == null) {
      throw unexpected(event, "no MemoryStored before " + payload.getClass().getSimpleName());
    }
    if (payload instanceof MemoryUpdated u) {
      return new Next(before, event, u.getHeader())
          .content(
              u.getType().name(),
              u.getContent(),
              u.getContentHash(),
              Set.copyOf(u.getTags()),
              u.getMetadata(),
              u.getConfidence(),
              u.getExpiresAt())
          .build();
    }
    if (payload instanceof MemorySuperseded s) {
      return new Next(before, event, s.getHeader())
          .status(MemoryStatus.SUPERSEDED, s.getSupersededBy())
          .build();
    }
    if (payload instanceof MemoryDeleted d) {
      return new Next(before, event, d.getHeader())
          .status(MemoryStatus.DELETED, before.supersededBy())
          .build();
    }
    if (payload instanceof MemoryRelationAdded r) {
      Map<String, MemoryRelation> relations = relationsOf(before);
      relations.put(
          r.getRelationId(),
          new MemoryRelation(
              r.getRelationId(), r.getToMemoryId(), r.getRelationType().name(), r.getStrength()));
      return new Next(before, event, r.getHeader()).relations(relations).build();
    }
    if (payload instanceof MemoryRelationRemoved r) {
      Map<String, MemoryRelation> relations = relationsOf(before);
      relations.remove(r.getRelationId());
      return new Next(before, event, r.getHeader()).relations(relations).build();
    }
    throw unexpected(event, "an event a memory does not have");
  }

  private static MemoryVersion stored(long sequence, MemoryStored e) {
    EventHeader h = e.getHeader();
    return new MemoryVersion(
        sequence,
        MemoryStored.class.getSimpleName(),
        h.getEventId(),
        h.getOccurredAt(),
        h.getAgentId(),
        h.getSessionId(),
        e.getMemoryId(),
        h.getTenantId(),
        h.getProjectId(),
        e.getContextId(),
        e.getType().name(),
        e.getContent(),
        e.getContentHash(),
        Set.copyOf(e.getTags()),
        e.getMetadata(),
        e.getConfidence(),
        e.getExpiresAt(),
        MemoryStatus.ACTIVE,
        null,
        List.of(),
        h.getOccurredAt(),
        h.getAgentId(),
        h.getSessionId());
  }

  private static Map<String, MemoryRelation> relationsOf(MemoryVersion v) {
    Map<String, MemoryRelation> relations = new LinkedHashMap<>();
    v.relations().forEach(r -> relations.put(r.relationId(), r));
    return relations;
  }

  private static IllegalStateException unexpected(StoredEvent event, String what) {
    return new IllegalStateException(
        "memory event stream has "
            + what
            + " at sequence "
            + event.sequence()
            + " ("
            + event.payload().getSchema().getFullName()
            + ")");
  }

  /** The previous version with this event's identity and whatever the event changed. */
  private static final class Next {
    private final MemoryVersion b;
    private final StoredEvent event;
    private final EventHeader header;
    private String type;
    private String content;
    private String contentHash;
    private Set<String> tags;
    private Map<String, String> metadata;
    private float confidence;
    private Instant expiresAt;
    private MemoryStatus status;
    private String supersededBy;
    private List<MemoryRelation> relations;

    Next(MemoryVersion before, StoredEvent event, EventHeader header) {
      this.b = before;
      this.event = event;
      this.header = header;
      content(
          before.type(),
          before.content(),
          before.contentHash(),
          before.tags(),
          before.metadata(),
          before.confidence(),
          before.expiresAt());
      status(before.status(), before.supersededBy());
      this.relations = before.relations();
    }

    Next content(
        String type,
        String content,
        String contentHash,
        Set<String> tags,
        Map<String, String> metadata,
        float confidence,
        Instant expiresAt) {
      this.type = type;
      this.content = content;
      this.contentHash = contentHash;
      this.tags = tags;
      this.metadata = metadata;
      this.confidence = confidence;
      this.expiresAt = expiresAt;
      return this;
    }

    Next status(MemoryStatus status, String supersededBy) {
      this.status = status;
      this.supersededBy = supersededBy;
      return this;
    }

    Next relations(Map<String, MemoryRelation> relations) {
      this.relations = new ArrayList<>(relations.values());
      return this;
    }

    MemoryVersion build() {
      return new MemoryVersion(
          event.sequence(),
          event.payload().getSchema().getName(),
          header.getEventId(),
          header.getOccurredAt(),
          header.getAgentId(),
          header.getSessionId(),
          b.memoryId(),
          b.tenantId(),
          b.projectId(),
          b.contextId(),
          type,
          content,
          contentHash,
          tags,
          metadata,
          confidence,
          expiresAt,
          status,
          supersededBy,
          relations,
          b.createdAt(),
          b.createdBy(),
          b.createdInSession());
    }
  }
}

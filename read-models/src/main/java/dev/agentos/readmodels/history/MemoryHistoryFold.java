package dev.agentos.readmodels.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a memory's history rows, in sequence order, into one version per event, the same way the
 * aggregate itself replays its events: a memory's stream starts with {@code MemoryStored}, and
 * later events change only what they carry.
 *
 * <p>Only the unbroken run of sequences from 0 is folded: a row whose predecessor is not projected
 * yet (delivered out of order, or its batch not written yet) is not shown, so no version ever lacks
 * an earlier event's change; once the gap is filled, every version shows.
 */
public final class MemoryHistoryFold {

  private MemoryHistoryFold() {}

  /**
   * @param rows a memory's rows in sequence order (the table's clustering order)
   * @throws IllegalStateException when the stream does not start with MemoryStored, or holds an
   *     event a memory cannot have: the table is then not what this code was written for
   */
  public static List<MemoryVersion> versions(List<HistoryRow> rows) {
    List<MemoryVersion> versions = new ArrayList<>(rows.size());
    MemoryVersion last = null;
    for (HistoryRow row : rows) {
      if (row.sequence() != versions.size()) {
        break; // a gap: the versions after it wait for the missing event
      }
      last = apply(last, row);
      versions.add(last);
    }
    return List.copyOf(versions);
  }

  private static MemoryVersion apply(MemoryVersion before, HistoryRow row) {
    if (row.eventType().equals(HistoryRow.STORED)) {
      if (before != null) {
        throw unexpected(row, "a second MemoryStored");
      }
      return stored(row);
    }
    if (before == null) {
      throw unexpected(row, "no MemoryStored before " + row.eventType());
    }
    Next next = new Next(before, row);
    return switch (row.eventType()) {
      case HistoryRow.UPDATED ->
          next.content(
                  row.memoryType(),
                  row.content(),
                  row.contentHash(),
                  row.tags(),
                  row.metadata(),
                  row.confidence(),
                  row.expiresAt())
              .build();
      case HistoryRow.SUPERSEDED ->
          next.status(MemoryStatus.SUPERSEDED, row.supersededBy()).build();
      case HistoryRow.DELETED -> next.status(MemoryStatus.DELETED, before.supersededBy()).build();
      case HistoryRow.RELATION_ADDED -> {
        Map<String, MemoryRelation> relations = relationsOf(before);
        relations.put(
            row.relationId(),
            new MemoryRelation(
                row.relationId(), row.toMemoryId(), row.relationType(), row.strength()));
        yield next.relations(relations).build();
      }
      case HistoryRow.RELATION_REMOVED -> {
        Map<String, MemoryRelation> relations = relationsOf(before);
        relations.remove(row.relationId());
        yield next.relations(relations).build();
      }
      default -> throw unexpected(row, "an event a memory does not have");
    };
  }

  private static MemoryVersion stored(HistoryRow row) {
    return new MemoryVersion(
        row.sequence(),
        row.eventType(),
        row.eventId(),
        row.occurredAt(),
        row.agentId(),
        row.sessionId(),
        row.memoryId(),
        row.tenantId(),
        row.projectId(),
        row.contextId(),
        row.memoryType(),
        row.content(),
        row.contentHash(),
        orEmpty(row.tags()),
        orEmpty(row.metadata()),
        row.confidence(),
        row.expiresAt(),
        MemoryStatus.ACTIVE,
        null,
        List.of(),
        row.occurredAt(),
        row.agentId(),
        row.sessionId());
  }

  private static Map<String, MemoryRelation> relationsOf(MemoryVersion v) {
    Map<String, MemoryRelation> relations = new LinkedHashMap<>();
    v.relations().forEach(r -> relations.put(r.relationId(), r));
    return relations;
  }

  // Cassandra reads an empty frozen collection back as null.
  private static <T> Set<T> orEmpty(Set<T> values) {
    return values == null ? Set.of() : values;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> values) {
    return values == null ? Map.of() : values;
  }

  private static IllegalStateException unexpected(HistoryRow row, String what) {
    return new IllegalStateException(
        "memory history of "
            + row.memoryId()
            + " has "
            + what
            + " at sequence "
            + row.sequence()
            + " ("
            + row.eventType()
            + ")");
  }

  /** The previous version with this event's identity and whatever the event changed. */
  private static final class Next {
    private final MemoryVersion b;
    private final HistoryRow row;
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

    Next(MemoryVersion before, HistoryRow row) {
      this.b = before;
      this.row = row;
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
      this.tags = orEmpty(tags);
      this.metadata = orEmpty(metadata);
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
          row.sequence(),
          row.eventType(),
          row.eventId(),
          row.occurredAt(),
          row.agentId(),
          row.sessionId(),
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

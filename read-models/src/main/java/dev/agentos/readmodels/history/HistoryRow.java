package dev.agentos.readmodels.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of {@value HistorySchema#TABLE}: one event of a memory aggregate and what it changed.
 * Fields an event does not carry are null (a relation row has no content, an update no relation).
 *
 * @param sequence the aggregate's sequence number of the event, from 0: the row's clustering key
 * @param eventType the event's Avro name: MemoryStored, MemoryUpdated, MemorySuperseded,
 *     MemoryDeleted, MemoryRelationAdded or MemoryRelationRemoved
 */
public record HistoryRow(
    String tenantId,
    String memoryId,
    long sequence,
    String eventType,
    String eventId,
    Instant occurredAt,
    String agentId,
    String sessionId,
    String projectId,
    String contextId,
    String memoryType,
    String content,
    String contentHash,
    Set<String> tags,
    Map<String, String> metadata,
    Float confidence,
    Instant expiresAt,
    String supersededBy,
    String relationId,
    String toMemoryId,
    String relationType,
    Float strength) {

  public static final String STORED = "MemoryStored";
  public static final String UPDATED = "MemoryUpdated";
  public static final String SUPERSEDED = "MemorySuperseded";
  public static final String DELETED = "MemoryDeleted";
  public static final String RELATION_ADDED = "MemoryRelationAdded";
  public static final String RELATION_REMOVED = "MemoryRelationRemoved";

  /** The table's columns: this record's fields, in their order, in snake case. */
  public static final List<String> COLUMNS =
      Arrays.stream(HistoryRow.class.getRecordComponents())
          .map(field -> field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
          .toList();

  public HistoryRow {
    tags = tags == null ? null : Set.copyOf(tags);
    metadata = metadata == null ? null : Map.copyOf(metadata);
  }

  /** The fields' values in {@link #COLUMNS}' order, null where the event carries none. */
  public Object[] columnValues() {
    return Arrays.stream(HistoryRow.class.getRecordComponents())
        .map(
            field -> {
              try {
                return field.getAccessor().invoke(this);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field.getName(), e);
              }
            })
        .toArray();
  }
}

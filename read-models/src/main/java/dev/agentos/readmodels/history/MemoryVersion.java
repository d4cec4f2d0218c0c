package dev.agentos.readmodels.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A memory's state right after one of its events: version n is the state after the aggregate's
 * event with sequence number n, the same number the command side uses as the memory's version.
 */
public record MemoryVersion(
    @Schema(description = "the aggregate's sequence number of the event, from 0") long version,
    @Schema(description = "MemoryStored, MemoryUpdated, MemorySuperseded, MemoryDeleted, …")
        String eventType,
    @Schema(description = "the event header's eventId") String eventId,
    @Schema(description = "when the event happened") Instant occurredAt,
    @Schema(description = "the agent whose command caused the event") String agentId,
    @Schema(description = "the session the command came from, when it had one") String sessionId,
    String memoryId,
    String tenantId,
    String projectId,
    String contextId,
    String type,
    String content,
    String contentHash,
    Set<String> tags,
    Map<String, String> metadata,
    float confidence,
    Instant expiresAt,
    MemoryStatus status,
    @Schema(description = "the memory that replaced this one, once SUPERSEDED") String supersededBy,
    @Schema(description = "the relations this memory owned at this version")
        List<MemoryRelation> relations,
    Instant createdAt,
    @Schema(description = "the agent that stored the memory") String createdBy,
    @Schema(description = "the session the memory was stored in") String createdInSession) {

  public MemoryVersion {
    tags = Set.copyOf(tags);
    metadata = Map.copyOf(metadata);
    relations = List.copyOf(relations);
  }
}

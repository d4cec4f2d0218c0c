package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of a memory's history ({@code GET /v1/memories/{id}/history}): the state after the
 * event {@code version}, with the event's type, id, time, agent and session.
 *
 * @param status {@code ACTIVE}, {@code SUPERSEDED} or {@code DELETED}
 * @param relations the relations the memory owned at this version
 */
public record MemoryVersion(
    long version,
    String eventType,
    String eventId,
    Instant occurredAt,
    String agentId,
    String sessionId,
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
    String status,
    String supersededBy,
    List<Relation> relations,
    Instant createdAt,
    String createdBy,
    String createdInSession) {

  /** A relation the memory owned at this version. */
  public record Relation(
      String relationId, String toMemoryId, String relationType, float strength) {}
}

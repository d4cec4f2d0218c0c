package dev.agentos.query.memory;

import dev.agentos.readmodels.memory.ListedMemory;
import java.time.Instant;
import java.util.Set;

/** A memory as a list shows it: what the list tables hold, without metadata or version. */
public record MemorySummary(
    String id,
    String projectId,
    String contextId,
    String agentId,
    String sessionId,
    String type,
    String content,
    Set<String> tags,
    float confidence,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt) {

  static MemorySummary of(ListedMemory m) {
    return new MemorySummary(
        m.memoryId(),
        m.projectId(),
        m.contextId(),
        m.agentId(),
        m.sessionId(),
        m.type(),
        m.content(),
        m.tags(),
        m.confidence(),
        m.createdAt(),
        m.updatedAt(),
        m.expiresAt());
  }
}

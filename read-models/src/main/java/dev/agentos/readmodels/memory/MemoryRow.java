package dev.agentos.readmodels.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The current state of one memory as {@code memories_by_id} holds it. {@code version} is the memory
 * aggregate's sequence number (0 when stored, +1 per memory event), the value the command side
 * answers as ETag, so a reader can send it back in If-Match.
 */
public record MemoryRow(
    String tenantId,
    String memoryId,
    String projectId,
    String contextId,
    String agentId,
    String sessionId,
    String type,
    String content,
    String contentHash,
    Set<String> tags,
    Map<String, String> metadata,
    float confidence,
    MemoryState state,
    String supersededBy,
    String collapsedInto,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    long version) {

  public MemoryRow {
    tags = Set.copyOf(tags);
    metadata = Map.copyOf(metadata);
  }

  public boolean listed() {
    return state == MemoryState.ACTIVE;
  }
}

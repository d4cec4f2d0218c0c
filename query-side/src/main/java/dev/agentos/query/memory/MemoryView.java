package dev.agentos.query.memory;

import dev.agentos.readmodels.memory.MemoryRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** One memory as the read model holds it now; {@code version} is also sent as ETag. */
public record MemoryView(
    String id,
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
    @Schema(description = "ACTIVE or SUPERSEDED (a deleted memory is not found)") String state,
    @Schema(description = "the memory that replaced this one, when SUPERSEDED") String supersededBy,
    @Schema(description = "the memory kept when a context merge dropped this duplicate")
        String collapsedInto,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    @Schema(description = "the memory's version: send it as If-Match to the command API")
        long version) {

  static MemoryView of(MemoryRow row) {
    return new MemoryView(
        row.memoryId(),
        row.projectId(),
        row.contextId(),
        row.agentId(),
        row.sessionId(),
        row.type(),
        row.content(),
        row.contentHash(),
        row.tags(),
        row.metadata(),
        row.confidence(),
        row.state().name(),
        row.supersededBy(),
        row.collapsedInto(),
        row.createdAt(),
        row.updatedAt(),
        row.expiresAt(),
        row.version());
  }
}

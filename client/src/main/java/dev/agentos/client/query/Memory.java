package dev.agentos.client.query;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A memory as the query side reads it by id ({@code GET /v1/memories/{id}}, also {@code ?asOf=}).
 *
 * @param state {@code ACTIVE} or {@code SUPERSEDED} (a deleted memory is not found)
 * @param supersededBy the memory that replaced this one, when superseded
 * @param collapsedInto the memory kept when a context merge dropped this duplicate
 * @param version send it as {@code If-Match} to the command API
 */
public record Memory(
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
    String state,
    String supersededBy,
    String collapsedInto,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    long version) {}

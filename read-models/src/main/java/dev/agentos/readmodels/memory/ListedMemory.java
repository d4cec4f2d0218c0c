package dev.agentos.readmodels.memory;

import java.time.Instant;
import java.util.Set;

/** A memory as a list shows it: what {@code memories_by_scope} denormalises from its row by id. */
public record ListedMemory(
    String memoryId,
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
    Instant expiresAt) {}

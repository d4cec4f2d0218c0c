package dev.agentos.readmodels.memory;

import java.time.Instant;

/**
 * A relation seen from {@code memoryId}: outgoing (other = target) or incoming (other = source).
 */
public record Relation(
    String relationId,
    String memoryId,
    String otherMemoryId,
    String relationType,
    float strength,
    Instant createdAt) {}

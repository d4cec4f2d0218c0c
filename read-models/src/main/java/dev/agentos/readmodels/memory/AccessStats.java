package dev.agentos.readmodels.memory;

import java.time.Instant;

/** How often a memory was read, and when and how last; zero and nulls when never. */
public record AccessStats(long accessCount, Instant lastAccessedAt, String lastAccessKind) {}

package dev.agentos.readmodels.context;

import java.time.Instant;

/** The context a session works in now, and the one before. */
public record SessionContext(
    String sessionId, String contextId, String previousContextId, Instant switchedAt) {}

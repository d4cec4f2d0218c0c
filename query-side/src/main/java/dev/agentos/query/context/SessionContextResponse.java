package dev.agentos.query.context;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The context a session works in now, the one before, and the context itself. */
public record SessionContextResponse(
    String sessionId,
    String contextId,
    String previousContextId,
    Instant switchedAt,
    @Schema(description = "the context, absent if its own read model has not caught up yet")
        ContextResponse context) {}

package dev.agentos.client.query;

import java.time.Instant;

/**
 * A session's active context ({@code GET /v1/sessions/{id}/context}).
 *
 * @param context the context itself; null while its own read model has not caught up
 */
public record SessionContext(
    String sessionId,
    String contextId,
    String previousContextId,
    Instant switchedAt,
    Context context) {}

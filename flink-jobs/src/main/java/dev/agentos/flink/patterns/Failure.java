package dev.agentos.flink.patterns;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;

/**
 * The output of one failed run or tool call, with who and where it happened: what the error pattern
 * job fingerprints.
 *
 * @param eventId the failed event's id
 * @param sessionId null outside a session
 * @param language the run's language when the event says it, else null (the fingerprint guesses)
 * @param text the failure output, at most {@link Failures#MAX_TEXT_CHARS} characters
 */
public record Failure(
    String eventId,
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String language,
    String text,
    long eventTimeMillis,
    SourcePosition position)
    implements FromSource {}

package dev.agentos.flink.patterns;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;

/**
 * A failure with its fingerprint: the input of the pattern counter, keyed by {@code patternId}.
 *
 * @param patternId derived from tenant, project and signature (see {@link PatternIds})
 * @param frames the fingerprint's top frames, one per line (a string, so Flink needs no Kryo)
 * @param excerpt the failure's own error line, to show as an example
 */
public record FailureMatch(
    String patternId,
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String eventId,
    String language,
    String errorType,
    String signature,
    String frames,
    String excerpt,
    long eventTimeMillis,
    SourcePosition position)
    implements FromSource {}

package dev.agentos.flink.patterns.success;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;

/**
 * One labelled try of one signature: a suggestion that was verified, seen under one of its
 * signatures. The input of the success counter, keyed by {@code patternId}.
 *
 * @param patternId derived from tenant, project and signature (see {@code PatternIds})
 * @param sessionId the proposal's session, null outside one
 * @param signature e.g. {@code language:python} (see {@link SuccessSignatures})
 * @param language the suggestion's language
 * @param proposalEventId the proposal's event id: a pattern's example
 * @param excerpt what an example shows of the suggestion
 * @param passed whether its verification passed
 * @param eventTimeMillis when it was labelled: the later of its proposal and its verdict
 * @param position the record that completed the label
 */
public record SignatureTry(
    String patternId,
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String signature,
    String language,
    String suggestionId,
    String proposalEventId,
    String excerpt,
    boolean passed,
    long eventTimeMillis,
    SourcePosition position)
    implements FromSource {}

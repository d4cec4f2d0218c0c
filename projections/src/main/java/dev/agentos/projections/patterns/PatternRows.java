package dev.agentos.projections.patterns;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.readmodels.patterns.Pattern;

/**
 * The row of a pattern snapshot: every field of the event, the tenant and project from its header
 * (the pattern's owner, as for every event), the header's eventId and time as the snapshot's.
 */
final class PatternRows {

  private PatternRows() {}

  static Pattern of(PatternDetected e) {
    EventHeader h = e.getHeader();
    return new Pattern(
        e.getPatternId(),
        h.getTenantId(),
        h.getProjectId(),
        e.getKind(),
        e.getStatus(),
        e.getSignature(),
        e.getLanguage(),
        e.getErrorType(),
        e.getTopFrames(),
        e.getExamples().stream()
            .map(x -> new Pattern.Example(x.getEventId(), x.getExcerpt()))
            .toList(),
        e.getOccurrences(),
        e.getRecentOccurrences(),
        e.getFirstSeenAt(),
        e.getLastSeenAt(),
        e.getAgentsAffected(),
        e.getSessionsAffected(),
        e.getSupport(),
        e.getSuccessRate(),
        h.getEventId(),
        h.getOccurredAt());
  }
}

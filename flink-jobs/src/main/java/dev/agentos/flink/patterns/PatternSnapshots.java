package dev.agentos.flink.patterns;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternExample;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builds the {@code PatternDetected} that reports a pattern as its tally stands. */
final class PatternSnapshots {

  static final String SOURCE = "flink:" + ErrorPatternsJob.NAME;

  private PatternSnapshots() {}

  /**
   * A NEW report names its first match's time too: a pattern forgotten and seen again is new again.
   */
  private static String reason(PatternTally tally, PatternStatus status) {
    return status == PatternStatus.NEW ? "NEW@" + tally.firstSeen : status.name();
  }

  static PatternDetected of(
      String patternId, PatternTally tally, List<RecentExample> examples, PatternStatus status) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(PatternIds.detectionId(patternId, tally.occurrences, reason(tally, status)))
            .setOccurredAt(Instant.ofEpochMilli(tally.lastSeen))
            .setTenantId(tally.tenantId)
            .setProjectId(tally.projectId)
            .setAgentId(tally.latestAgentId)
            .setSource(SOURCE)
            .build();
    return PatternDetected.newBuilder()
        .setHeader(header)
        .setPatternId(patternId)
        .setKind(PatternKind.ERROR)
        .setSignature(tally.signature)
        .setLanguage(tally.language)
        .setOccurrences(tally.occurrences)
        .setFirstSeenAt(Instant.ofEpochMilli(tally.firstSeen))
        .setLastSeenAt(Instant.ofEpochMilli(tally.lastSeen))
        .setExamples(
            examples.stream()
                .map(example -> new PatternExample(example.eventId(), example.excerpt()))
                .toList())
        .setStatus(status)
        .setErrorType(tally.errorType)
        .setTopFrames(
            tally.frames == null || tally.frames.isEmpty()
                ? List.of()
                : Arrays.asList(tally.frames.split("\n")))
        .setAgentsAffected(tally.agents)
        .setSessionsAffected(tally.sessions)
        .setRecentOccurrences(tally.hourCount)
        .setSupport(0)
        .setSuccessRate(null)
        .build();
  }
}

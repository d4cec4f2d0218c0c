package dev.agentos.flink.patterns.success;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternExample;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.flink.patterns.PatternIds;
import java.time.Instant;
import java.util.List;

/** Builds the {@code PatternDetected} that reports a success pattern as its tally stands. */
final class SuccessSnapshots {

  static final String SOURCE = "flink:" + SuccessPatternsJob.NAME;

  private SuccessSnapshots() {}

  /**
   * Its id names the pattern, its support (which grows with every try counted, so two reports of
   * one life of a pattern never share it) and the first try's time (a pattern forgotten and seen
   * again starts its support anew, and must not reuse the ids of its earlier life).
   */
  static PatternDetected of(
      String patternId, SuccessTally tally, List<SuccessExample> examples, PatternStatus status) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(
                PatternIds.detectionId(
                    patternId, tally.support, status.name() + "@" + tally.firstSeen))
            .setOccurredAt(Instant.ofEpochMilli(tally.lastSeen))
            .setTenantId(tally.tenantId)
            .setProjectId(tally.projectId)
            .setAgentId(tally.latestAgentId)
            .setSource(SOURCE)
            .build();
    return PatternDetected.newBuilder()
        .setHeader(header)
        .setPatternId(patternId)
        .setKind(PatternKind.SUCCESS)
        .setSignature(tally.signature)
        .setLanguage(tally.language)
        .setOccurrences(tally.successes)
        .setFirstSeenAt(Instant.ofEpochMilli(tally.firstSeen))
        .setLastSeenAt(Instant.ofEpochMilli(tally.lastSeen))
        .setExamples(
            examples.stream()
                .map(example -> new PatternExample(example.eventId(), example.excerpt()))
                .toList())
        .setStatus(status)
        .setErrorType(null)
        .setTopFrames(List.of())
        .setAgentsAffected(tally.agents)
        .setSessionsAffected(tally.sessions)
        .setRecentOccurrences(tally.hourSuccesses)
        .setSupport(tally.support)
        .setSuccessRate(tally.successRate())
        .build();
  }
}

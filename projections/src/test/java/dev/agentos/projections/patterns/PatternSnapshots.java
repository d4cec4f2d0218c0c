package dev.agentos.projections.patterns;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternExample;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Snapshots of one ERROR pattern of one project, as the patterns job publishes them: each call a
 * new event (its own eventId), the counts and times given.
 */
final class PatternSnapshots {

  final String tenant;
  final String project;
  final String patternId;

  PatternSnapshots(String tenant, String project, String patternId) {
    this.tenant = tenant;
    this.project = project;
    this.patternId = patternId;
  }

  PatternDetected error(
      Instant firstSeenAt, Instant lastSeenAt, long occurrences, PatternStatus status) {
    return PatternDetected.newBuilder()
        .setHeader(
            new EventHeader(
                UUID.randomUUID().toString(),
                lastSeenAt.plusSeconds(5),
                tenant,
                project,
                "patterns-job",
                null,
                null,
                "flink"))
        .setPatternId(patternId)
        .setKind(PatternKind.ERROR)
        .setSignature("ModuleNotFoundError: No module named '<name>'")
        .setLanguage("python")
        .setOccurrences(occurrences)
        .setFirstSeenAt(firstSeenAt)
        .setLastSeenAt(lastSeenAt)
        .setExamples(
            List.of(
                new PatternExample("e-" + occurrences, "No module named 'numpy'"),
                new PatternExample("e-first", "No module named 'pandas'")))
        .setStatus(status)
        .setErrorType("ModuleNotFoundError")
        .setTopFrames(List.of("importlib._bootstrap._gcd_import", "main.<module>"))
        .setAgentsAffected((int) Math.min(occurrences, 3))
        .setSessionsAffected((int) Math.min(occurrences, 7))
        .setRecentOccurrences(Math.min(occurrences, 4))
        .build();
  }
}

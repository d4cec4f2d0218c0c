package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternExample;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.projections.patterns.PatternWrite;
import dev.agentos.projections.patterns.PatternWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes pattern snapshots into the query side's patterns read model with the projections' own
 * writer, as the {@code patterns-cassandra} projection would after reading them from Kafka. The
 * table exists already: the query side waited for it at its start.
 */
final class PatternSeed {

  final String tenant = "it-patterns-" + UUID.randomUUID();
  private final PatternWriter writer;

  PatternSeed(CqlSession session) {
    this.writer = PatternWriter.onCassandra(session);
  }

  void error(String project, String id, String language, PatternStatus status, Instant lastSeen) {
    write(
        snapshot(project, id, PatternKind.ERROR, language, status, lastSeen)
            .setErrorType("ModuleNotFoundError")
            .setTopFrames(List.of("importlib._bootstrap._gcd_import", "main.<module>"))
            .build());
  }

  void success(
      String project,
      String id,
      String language,
      PatternStatus status,
      Instant lastSeen,
      long support) {
    PatternDetected.Builder success =
        snapshot(project, id, PatternKind.SUCCESS, language, status, lastSeen).setSupport(support);
    write(success.setSuccessRate((double) success.getOccurrences() / support).build());
  }

  private PatternDetected.Builder snapshot(
      String project,
      String id,
      PatternKind kind,
      String language,
      PatternStatus status,
      Instant lastSeen) {
    return PatternDetected.newBuilder()
        .setHeader(
            new EventHeader(
                UUID.randomUUID().toString(),
                lastSeen.plusSeconds(1),
                tenant,
                project,
                "patterns-job",
                null,
                null,
                "flink"))
        .setPatternId(id)
        .setKind(kind)
        .setSignature("signature of " + id)
        .setLanguage(language)
        .setOccurrences(8)
        .setFirstSeenAt(lastSeen.minusSeconds(3600))
        .setLastSeenAt(lastSeen)
        .setExamples(List.of(new PatternExample("ev-" + id, "excerpt of " + id)))
        .setStatus(status)
        .setAgentsAffected(2)
        .setSessionsAffected(3)
        .setRecentOccurrences(5);
  }

  private void write(PatternDetected snapshot) {
    if (!writer.write(List.of(PatternWrite.of(snapshot))).isEmpty()) {
      throw new IllegalStateException("the patterns table refused a seeded snapshot");
    }
  }
}

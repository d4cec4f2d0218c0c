package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.projections.predictions.PredictionRows;
import dev.agentos.projections.predictions.PredictionWrite;
import dev.agentos.projections.predictions.PredictionsProjection;
import dev.agentos.projections.source.BatchWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes predictions and outcomes into the query side's predictions read model with the
 * projections' own writer, as the {@code predictions-cassandra} projection would after reading them
 * from Kafka. The table exists already: the query side waited for it at its start.
 */
final class PredictionSeed {

  static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  final String tenant = "it-predictions-" + UUID.randomUUID();
  private final BatchWriter<PredictionWrite> writer;

  PredictionSeed(CqlSession session) {
    this.writer = PredictionsProjection.writerOn(session);
  }

  /** A prediction of execution {@code executionId} in {@code project} by {@code version}. */
  void ofExecution(String project, String executionId, String version, ModelRole role, float p) {
    write(
        prediction(
            project, executionId, "s-" + executionId, "execution-success", version, role, p));
  }

  /** A prediction of suggestion {@code suggestionId} by itself. */
  void ofSuggestion(String project, String suggestionId, String version, float p) {
    write(
        prediction(
            project,
            null,
            suggestionId,
            "suggestion-verification",
            version,
            ModelRole.CHAMPION,
            p));
  }

  void completed(String project, String executionId, ExecutionOutcome outcome, Integer exit) {
    write(
        PredictionRows.of(
            ExecutionCompleted.newBuilder()
                .setHeader(header(project, AT.plusSeconds(30)))
                .setExecutionId(executionId)
                .setOutcome(outcome)
                .setExitCode(exit)
                .setTimedOut(false)
                .setDurationMs(1000)
                .setCpuTimeMs(800)
                .setPeakMemoryBytes(1 << 20)
                .setStdoutExcerpt("")
                .setStderrExcerpt("")
                .setOutputTruncated(false)
                .build()));
  }

  void verified(String project, String suggestionId, VerificationVerdict verdict) {
    write(
        PredictionRows.of(
            VerificationCompleted.newBuilder()
                .setHeader(header(project, AT.plusSeconds(60)))
                .setVerificationId("v-" + suggestionId)
                .setSuggestionId(suggestionId)
                .setExecutionId("e-" + suggestionId)
                .setVerdict(verdict)
                .setTestsRun(2)
                .setPassed(2)
                .setFailed(0)
                .setSkipped(0)
                .setFailedTestNames(List.of())
                .setPassedTestNames(List.of())
                .build()));
  }

  private PredictionWrite prediction(
      String project,
      String executionId,
      String suggestionId,
      String model,
      String version,
      ModelRole role,
      float p) {
    String subject = executionId != null ? executionId : suggestionId;
    return PredictionRows.of(
        PredictionMade.newBuilder()
            .setHeader(header(project, AT))
            .setPredictionId(subject + ":" + model + ":" + version)
            .setExecutionId(executionId)
            .setSuggestionId(suggestionId)
            .setSuccessProbability(p)
            .setModelName(model)
            .setModelVersion(version)
            .setFeatureSetVersion("v1")
            .setRole(role)
            .setFeatures(Map.of("session.retries", 1.0, "agent.execution.success.rate.24h", 0.5))
            .build());
  }

  private EventHeader header(String project, Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, "agent-1", "session-1", null, "flink");
  }

  private void write(PredictionWrite write) {
    if (!writer.write(List.of(write)).isEmpty()) {
      throw new IllegalStateException("the predictions table refused a seeded write");
    }
  }
}

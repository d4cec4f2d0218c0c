package dev.agentos.projections.predictions;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Predictions of one project's executions and suggestions as the prediction job publishes them, and
 * the completions and verifications the command side publishes: each call a new event (its own
 * eventId), a prediction's id derived from its subject and model version as the job's is.
 */
final class PredictionEvents {

  final String tenant;
  final String project;

  PredictionEvents(String tenant, String project) {
    this.tenant = tenant;
    this.project = project;
  }

  PredictionMade ofExecution(
      String executionId, String version, ModelRole role, float p, Instant at) {
    return prediction(
        executionId, "s-of-" + executionId, "execution-success", version, role, p, at);
  }

  PredictionMade ofSuggestion(
      String suggestionId, String version, ModelRole role, float p, Instant at) {
    return prediction(null, suggestionId, "suggestion-verification", version, role, p, at);
  }

  private PredictionMade prediction(
      String executionId,
      String suggestionId,
      String model,
      String version,
      ModelRole role,
      float p,
      Instant at) {
    String subject = executionId != null ? executionId : suggestionId;
    return PredictionMade.newBuilder()
        .setHeader(header(at, "prediction-job", "flink"))
        .setPredictionId(subject + ":" + model + ":" + version)
        .setExecutionId(executionId)
        .setSuggestionId(suggestionId)
        .setSuccessProbability(p)
        .setModelName(model)
        .setModelVersion(version)
        .setFeatureSetVersion("v1")
        .setRole(role)
        .setFeatures(Map.of("agent.execution.success.rate.24h", 0.75, "session.retries", 2.0))
        .build();
  }

  ExecutionCompleted completed(
      String executionId,
      ExecutionOutcome outcome,
      Integer exitCode,
      boolean timedOut,
      Instant at) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header(at, "agent-1", "command-side"))
        .setExecutionId(executionId)
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(timedOut)
        .setDurationMs(1200)
        .setCpuTimeMs(900)
        .setPeakMemoryBytes(64L << 20)
        .setStdoutExcerpt("")
        .setStderrExcerpt("")
        .setOutputTruncated(false)
        .setErrorMessage(null)
        .build();
  }

  VerificationCompleted verified(String suggestionId, VerificationVerdict verdict, Instant at) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(at, "agent-1", "command-side"))
        .setVerificationId("v-" + UUID.randomUUID())
        .setSuggestionId(suggestionId)
        .setExecutionId("e-of-" + suggestionId)
        .setVerdict(verdict)
        .setTestsRun(3)
        .setPassed(verdict == VerificationVerdict.PASSED ? 3 : 1)
        .setFailed(verdict == VerificationVerdict.PASSED ? 0 : 2)
        .setSkipped(0)
        .setFailedTestNames(List.of())
        .setPassedTestNames(List.of())
        .build();
  }

  private EventHeader header(Instant at, String agent, String source) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, agent, "session-1", null, source);
  }
}

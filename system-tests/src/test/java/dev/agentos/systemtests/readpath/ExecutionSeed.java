package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.projections.executions.ExecutionRows;
import dev.agentos.projections.executions.ExecutionWrite;
import dev.agentos.projections.executions.ExecutionsProjection;
import dev.agentos.projections.source.BatchWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes execution and suggestion events of a random tenant into the query side's executions read
 * models with the projections' own writer, as {@code executions-cassandra} would after reading them
 * from Kafka, each as its own event (its own eventId). The tables exist already: the query side
 * waited for them at its start.
 */
final class ExecutionSeed {

  static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");

  /** A value of the environment, which must never be answered. */
  static final String SECRET = "s3cr3t-" + UUID.randomUUID();

  final String tenant = "it-executions-" + UUID.randomUUID();
  private final BatchWriter<ExecutionWrite> writer;

  ExecutionSeed(CqlSession session) {
    this.writer = ExecutionsProjection.writerOn(session);
  }

  void requested(String project, String session, String executionId, Instant at) {
    write(
        ExecutionRows.of(
            ExecutionRequested.newBuilder()
                .setHeader(header(project, session, at))
                .setExecutionId(executionId)
                .setSuggestionId("s-" + executionId)
                .setLanguage("python")
                .setCode("print('hi')")
                .setEnvironment(Map.of("API_TOKEN", SECRET, "MODE", "test"))
                .setLimits(new ExecutionLimits(2_000L, 128L << 20, 10_000L, 65_536L, false))
                .build()));
  }

  void started(String project, String session, String executionId, Instant at) {
    write(
        ExecutionRows.of(
            ExecutionStarted.newBuilder()
                .setHeader(header(project, session, at))
                .setExecutionId(executionId)
                .setSandboxId("bwrap-" + executionId)
                .setRuntime("python:3.12.4")
                .setQueuedMs(40)
                .build()));
  }

  void failed(String project, String session, String executionId, Instant at) {
    write(
        ExecutionRows.of(
            ExecutionCompleted.newBuilder()
                .setHeader(header(project, session, at))
                .setExecutionId(executionId)
                .setOutcome(ExecutionOutcome.FAILED)
                .setExitCode(3)
                .setTimedOut(false)
                .setDurationMs(1_500)
                .setCpuTimeMs(700)
                .setPeakMemoryBytes(12L << 20)
                .setStdoutExcerpt("starting\n")
                .setStderrExcerpt("ValueError: nope\n")
                .setOutputTruncated(true)
                .setErrorMessage(null)
                .build()));
  }

  void proposed(String project, String session, String suggestionId, Instant at) {
    write(
        ExecutionRows.of(
            CodeSuggestionProposed.newBuilder()
                .setHeader(header(project, session, at))
                .setSuggestionId(suggestionId)
                .setLanguage("python")
                .setFilePath("calc.py")
                .setFormat(SuggestionFormat.FULL_FILE)
                .setCode("def add(a, b):\n    return a + b\n")
                .setRationale("fix add")
                .setConfidence(0.5f)
                .build()));
  }

  void outcome(String project, String session, String suggestionId, SuggestionOutcome outcome) {
    write(
        ExecutionRows.of(
            SuggestionOutcomeRecorded.newBuilder()
                .setHeader(header(project, session, T0.plusSeconds(90)))
                .setSuggestionId(suggestionId)
                .setOutcome(outcome)
                .setReason("tests fail")
                .build()));
  }

  void verificationRequested(
      String project, String suggestionId, String verificationId, String executionId, Instant at) {
    write(
        ExecutionRows.of(
            VerificationRequested.newBuilder()
                .setHeader(header(project, "session-v", at))
                .setVerificationId(verificationId)
                .setSuggestionId(suggestionId)
                .setExecutionId(executionId)
                .setTestCommand("pytest -q")
                .setTestFramework("pytest")
                .build()));
  }

  void verificationCompleted(
      String project,
      String suggestionId,
      String verificationId,
      String executionId,
      List<String> passed,
      List<String> failed,
      Instant at) {
    write(
        ExecutionRows.of(
            VerificationCompleted.newBuilder()
                .setHeader(header(project, "session-v", at))
                .setVerificationId(verificationId)
                .setSuggestionId(suggestionId)
                .setExecutionId(executionId)
                .setVerdict(
                    failed.isEmpty() ? VerificationVerdict.PASSED : VerificationVerdict.FAILED)
                .setTestsRun(passed.size() + failed.size())
                .setPassed(passed.size())
                .setFailed(failed.size())
                .setSkipped(0)
                .setPassedTestNames(passed)
                .setFailedTestNames(failed)
                .build()));
  }

  private EventHeader header(String project, String session, Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, "agent-1", session, null, "executor");
  }

  private void write(ExecutionWrite write) {
    if (!writer.write(List.of(write)).isEmpty()) {
      throw new IllegalStateException("the executions tables refused a seeded write");
    }
  }
}

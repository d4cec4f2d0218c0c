package dev.agentos.projections.executions;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One project's execution and suggestion events as the command side and the executor publish them:
 * each call a new event (its own eventId) in session {@code session-1}.
 */
final class ExecutionEvents {

  final String tenant;
  final String project;

  ExecutionEvents(String tenant, String project) {
    this.tenant = tenant;
    this.project = project;
  }

  ExecutionRequested requested(String executionId, String suggestionId, Instant at) {
    return ExecutionRequested.newBuilder()
        .setHeader(header(at, "session-1"))
        .setExecutionId(executionId)
        .setSuggestionId(suggestionId)
        .setLanguage("python")
        .setLanguageVersion("3.12")
        .setCode("print('hello')")
        .setEnvironment(Map.of("TOKEN", "[redacted]", "API_URL", "[redacted]"))
        .setLimits(new ExecutionLimits(2_000L, 256L << 20, 10_000L, 1L << 20, false))
        .build();
  }

  ExecutionStarted started(String executionId, Instant at) {
    return ExecutionStarted.newBuilder()
        .setHeader(header(at, "session-1"))
        .setExecutionId(executionId)
        .setSandboxId("sandbox-" + executionId)
        .setRuntime("python:3.12.4")
        .setQueuedMs(250)
        .build();
  }

  ExecutionCompleted completed(
      String executionId, ExecutionOutcome outcome, Integer exitCode, Instant at) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header(at, "session-1"))
        .setExecutionId(executionId)
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(outcome == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(1_200)
        .setCpuTimeMs(900)
        .setPeakMemoryBytes(64L << 20)
        .setStdoutExcerpt("hello\n")
        .setStderrExcerpt(exitCode != null && exitCode == 0 ? "" : "Traceback ...\n")
        .setOutputTruncated(false)
        .setErrorMessage(null)
        .build();
  }

  CodeSuggestionProposed proposed(String suggestionId, Instant at) {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(header(at, "session-1"))
        .setSuggestionId(suggestionId)
        .setTurnId("turn-3")
        .setLanguage("python")
        .setFilePath("src/calc.py")
        .setFormat(SuggestionFormat.FULL_FILE)
        .setCode("def add(a, b):\n    return a + b\n")
        .setRationale("add was subtracting")
        .setConfidence(0.75f)
        .build();
  }

  SuggestionOutcomeRecorded outcome(String suggestionId, SuggestionOutcome outcome, Instant at) {
    return SuggestionOutcomeRecorded.newBuilder()
        .setHeader(header(at, "session-1"))
        .setSuggestionId(suggestionId)
        .setOutcome(outcome)
        .setEditedCode(null)
        .setReason(outcome == SuggestionOutcome.REJECTED ? "tests fail" : null)
        .build();
  }

  VerificationRequested verificationRequested(
      String verificationId, String suggestionId, String executionId, Instant at) {
    return VerificationRequested.newBuilder()
        .setHeader(header(at, "session-1"))
        .setVerificationId(verificationId)
        .setSuggestionId(suggestionId)
        .setExecutionId(executionId)
        .setTestCommand("pytest -q")
        .setTestFramework("pytest")
        .build();
  }

  /** A verification's result: {@code failed} of the names fail, the others pass. */
  VerificationCompleted verificationCompleted(
      String verificationId,
      String suggestionId,
      String executionId,
      List<String> passed,
      List<String> failed,
      Instant at) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(at, "session-1"))
        .setVerificationId(verificationId)
        .setSuggestionId(suggestionId)
        .setExecutionId(executionId)
        .setVerdict(failed.isEmpty() ? VerificationVerdict.PASSED : VerificationVerdict.FAILED)
        .setTestsRun(passed.size() + failed.size())
        .setPassed(passed.size())
        .setFailed(failed.size())
        .setSkipped(0)
        .setPassedTestNames(passed)
        .setFailedTestNames(failed)
        .build();
  }

  private EventHeader header(Instant at, String session) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, "agent-1", session, null, "executor");
  }
}

package dev.agentos.command.execution;

import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.execution.api.RunReport;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import java.util.Objects;

/** The one event every way an execution ends produces, from what the sandbox measured. */
final class RunEnds {

  private RunEnds() {}

  static ExecutionCompleted completed(
      EventHeader header,
      String executionId,
      ExecutionOutcome outcome,
      Integer exitCode,
      RunReport report,
      String errorMessage) {
    if (report == null) {
      throw new InvalidCommandException("report", "say what the sandbox measured");
    }
    if (report.durationMs() < 0 || report.cpuTimeMs() < 0 || report.peakMemoryBytes() < 0) {
      throw new InvalidCommandException("report", "measurements must not be negative");
    }
    return ExecutionCompleted.newBuilder()
        .setHeader(header)
        .setExecutionId(executionId)
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(outcome == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(report.durationMs())
        .setCpuTimeMs(report.cpuTimeMs())
        .setPeakMemoryBytes(report.peakMemoryBytes())
        .setStdoutExcerpt(Objects.requireNonNullElse(report.stdoutExcerpt(), ""))
        .setStderrExcerpt(Objects.requireNonNullElse(report.stderrExcerpt(), ""))
        .setOutputTruncated(report.outputTruncated())
        .setErrorMessage(errorMessage)
        .build();
  }
}

package dev.agentos.command.execution;

import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.execution.api.RunReport;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ResourceLimit;
import java.util.Objects;

/** The one event every way an execution ends produces, from what the sandbox measured. */
final class RunEnds {

  private RunEnds() {}

  /**
   * How a run ended, as the executor reported it.
   *
   * @param exitCode the process's own, for SUCCEEDED and FAILED only
   * @param exceededLimit for LIMIT_EXCEEDED only
   * @param errorMessage why the sandbox failed or killed it, when it did
   */
  record Ending(
      ExecutionOutcome outcome,
      Integer exitCode,
      ResourceLimit exceededLimit,
      RunReport report,
      String errorMessage) {}

  static ExecutionCompleted completed(EventHeader header, String executionId, Ending ending) {
    RunReport report = ending.report();
    String errorMessage = ending.errorMessage();
    if (report == null) {
      throw new InvalidCommandException("report", "say what the sandbox measured");
    }
    if (report.durationMs() < 0 || report.cpuTimeMs() < 0 || report.peakMemoryBytes() < 0) {
      throw new InvalidCommandException("report", "measurements must not be negative");
    }
    FieldLimits.requireLength(
        "report.stdoutExcerpt", report.stdoutExcerpt(), FieldLimits.OUTPUT_EXCERPT);
    FieldLimits.requireLength(
        "report.stderrExcerpt", report.stderrExcerpt(), FieldLimits.OUTPUT_EXCERPT);
    FieldLimits.requireLength("errorMessage", errorMessage, FieldLimits.ERROR_MESSAGE);
    return ExecutionCompleted.newBuilder()
        .setHeader(header)
        .setExecutionId(executionId)
        .setOutcome(ending.outcome())
        .setExitCode(ending.exitCode())
        .setTimedOut(ending.outcome() == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(report.durationMs())
        .setCpuTimeMs(report.cpuTimeMs())
        .setPeakMemoryBytes(report.peakMemoryBytes())
        .setStdoutExcerpt(Objects.requireNonNullElse(report.stdoutExcerpt(), ""))
        .setStderrExcerpt(Objects.requireNonNullElse(report.stderrExcerpt(), ""))
        .setOutputTruncated(report.outputTruncated())
        .setErrorMessage(errorMessage)
        .setExceededLimit(ending.exceededLimit())
        .build();
  }

  /**
   * Why a run killed at {@code limit} ended, with the limit's value where the request has one: the
   * reader sees what the code ran into without looking the request up.
   */
  static String killedAt(ResourceLimit limit, ExecutionLimits limits) {
    return switch (limit) {
      case CPU_TIME -> "killed at the cpu time limit of " + limits.getCpuTimeMs() + " ms";
      case MEMORY -> "killed at the memory limit of " + limits.getMemoryBytes() + " bytes";
      case OUTPUT -> "killed at the output limit of " + limits.getMaxOutputBytes() + " bytes";
      case PROCESSES -> "killed at the sandbox's process limit";
      case FILE_SIZE -> "killed at the sandbox's file size limit";
      case UNKNOWN -> throw new InvalidCommandException("exceededLimit", "name the limit");
    };
  }
}

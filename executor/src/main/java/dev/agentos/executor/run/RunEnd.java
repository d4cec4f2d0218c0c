package dev.agentos.executor.run;

import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.SandboxResult;
import java.time.Duration;

/**
 * How a run ended, as the execution records it: SUCCEEDED or FAILED for a program that exited (or
 * crashed) by itself, with its exit code; TIMED_OUT at the wall limit; LIMIT_EXCEEDED with the
 * limit that stopped it; and what the sandbox measured and kept of the output.
 *
 * @param exitCode the program's exit code; null when a limit killed it
 * @param exceededLimit for LIMIT_EXCEEDED, the limit: CPU_TIME, MEMORY, OUTPUT or FILE_SIZE
 * @param reason why a limit or the executor ended it, for agents to read; null when it exited
 */
public record RunEnd(
    ExecutionOutcome outcome,
    Integer exitCode,
    String exceededLimit,
    String reason,
    long durationMs,
    long cpuTimeMs,
    long peakMemoryBytes,
    String stdout,
    String stderr,
    boolean outputTruncated) {

  public static RunEnd of(SandboxResult result, Limits limits) {
    ExecutionOutcome outcome;
    Integer exitCode = null;
    String reason =
        switch (result.outcome()) {
          case EXITED, SIGNALED -> null;
          case WALL_TIME -> "killed at the wall-time limit of " + millis(limits.wallTime());
          case CPU_TIME -> "killed at the cpu-time limit of " + millis(limits.cpuTime());
          case MEMORY -> "killed at the memory limit of " + limits.memoryBytes() + " bytes";
          case OUTPUT_LIMIT ->
              "killed when its output passed the limit of " + limits.maxOutputBytes() + " bytes";
          case FILE_SIZE ->
              "killed writing a file past the limit of " + limits.maxFileBytes() + " bytes";
        };
    switch (result.outcome()) {
      case EXITED, SIGNALED -> {
        outcome = result.exitCode() == 0 ? ExecutionOutcome.SUCCEEDED : ExecutionOutcome.FAILED;
        exitCode = result.exitCode();
      }
      case WALL_TIME -> outcome = ExecutionOutcome.TIMED_OUT;
      default -> outcome = ExecutionOutcome.LIMIT_EXCEEDED;
    }
    String exceededLimit =
        switch (result.outcome()) {
          case CPU_TIME -> "CPU_TIME";
          case MEMORY -> "MEMORY";
          case OUTPUT_LIMIT -> "OUTPUT";
          case FILE_SIZE -> "FILE_SIZE";
          default -> null;
        };
    return new RunEnd(
        outcome,
        exitCode,
        exceededLimit,
        reason,
        result.wallTime().toMillis(),
        result.cpuTime().map(Duration::toMillis).orElse(0L),
        result.peakMemoryBytes().orElse(0L),
        result.stdout().text(),
        result.stderr().text(),
        result.stdout().truncated() || result.stderr().truncated());
  }

  /** The sandbox itself failed: nothing ran, or nothing of the run can be told. */
  public static RunEnd sandboxError(String reason) {
    return new RunEnd(ExecutionOutcome.SANDBOX_ERROR, null, null, reason, 0, 0, 0, "", "", false);
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}

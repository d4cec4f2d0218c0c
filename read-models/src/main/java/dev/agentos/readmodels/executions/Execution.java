package dev.agentos.readmodels.executions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One execution as the query side answers it: what was asked, the sandbox that ran it and how it
 * ended, from its lifecycle events ({@link ExecutionRecord#toExecution}). A field of an event not
 * projected yet is null (left out of the JSON): a completion read before its start has no
 * startedAt.
 */
public record Execution(
    String executionId,
    String tenantId,
    String projectId,
    @Schema(description = "the session it was requested in; null outside one, or not known yet")
        String sessionId,
    @Schema(description = "the agent that requested it") String agentId,
    @Schema(
            description =
                "QUEUED, RUNNING, then how it ended: SUCCEEDED, FAILED, TIMED_OUT, LIMIT_EXCEEDED"
                    + " or SANDBOX_ERROR (the platform failed, not the code)")
        ExecutionStatus status,
    @Schema(description = "the language asked for, e.g. python") String language,
    @Schema(description = "the runtime version asked for, null for the sandbox's default")
        String languageVersion,
    @Schema(description = "the runtime the sandbox used, e.g. python:3.12.4") String runtime,
    @Schema(description = "the sandbox instance that ran it, for the executor's logs")
        String sandboxId,
    @Schema(description = "the suggestion the run exercises, when it does") String suggestionId,
    Instant requestedAt,
    Instant startedAt,
    @Schema(description = "when it completed, whichever way") Instant endedAt,
    @Schema(description = "milliseconds between the request and the start") Long queuedMs,
    @Schema(description = "the process's exit code; null when it was killed or never started")
        Integer exitCode,
    @Schema(description = "whether the wall timeout killed it") Boolean timedOut,
    @Schema(description = "wall-clock run time, milliseconds") Long durationMs,
    @Schema(description = "CPU time used, milliseconds over all cores") Long cpuTimeMs,
    @Schema(description = "peak resident memory, bytes") Long peakMemoryBytes,
    @Schema(description = "the start of standard output") String stdoutExcerpt,
    @Schema(description = "the start of standard error") String stderrExcerpt,
    @Schema(description = "true when an excerpt is shorter than the real output")
        Boolean outputTruncated,
    @Schema(description = "why the sandbox failed or killed the run, when it did")
        String errorMessage,
    @Schema(
            description =
                "the names of the environment variables passed to the run, in name order; values"
                    + " are never stored")
        List<String> environmentNames,
    @Schema(description = "the limits the sandbox enforced") Limits limits) {

  /** The hard limits of one execution, as requested. */
  @Schema(name = "ExecutionLimits", description = "the hard limits of one execution")
  public record Limits(
      @Schema(description = "CPU time allowed, milliseconds over all cores") long cpuTimeMs,
      @Schema(description = "peak resident memory allowed, bytes") long memoryBytes,
      @Schema(description = "wall-clock time allowed from the start, milliseconds")
          long wallTimeoutMs,
      @Schema(description = "bytes of stdout plus stderr kept before truncating")
          long maxOutputBytes,
      @Schema(description = "whether the run could open network connections")
          boolean networkAllowed) {}

  public Execution {
    environmentNames = environmentNames == null ? null : List.copyOf(environmentNames);
  }
}

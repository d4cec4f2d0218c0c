package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * An execution in the sandbox ({@code GET /v1/executions/{id}}): what was asked, the sandbox that
 * ran it and how it ended. A field of what has not happened yet is null.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, then {@code SUCCEEDED}, {@code FAILED}, {@code
 *     TIMED_OUT}, {@code LIMIT_EXCEEDED} or {@code SANDBOX_ERROR}
 * @param environmentNames the names of the variables passed to the run; values are never answered
 */
public record Execution(
    String executionId,
    String projectId,
    String sessionId,
    String agentId,
    String status,
    String language,
    String languageVersion,
    String runtime,
    String sandboxId,
    String suggestionId,
    Instant requestedAt,
    Instant startedAt,
    Instant endedAt,
    Long queuedMs,
    Integer exitCode,
    Boolean timedOut,
    Long durationMs,
    Long cpuTimeMs,
    Long peakMemoryBytes,
    String stdoutExcerpt,
    String stderrExcerpt,
    Boolean outputTruncated,
    String errorMessage,
    List<String> environmentNames,
    Limits limits) {

  /** The hard limits the sandbox enforced. */
  public record Limits(
      long cpuTimeMs,
      long memoryBytes,
      long wallTimeoutMs,
      long maxOutputBytes,
      boolean networkAllowed) {}

  /** Whether it has ended, whichever way. */
  public boolean ended() {
    return status != null && !status.equals("QUEUED") && !status.equals("RUNNING");
  }
}

package dev.agentos.readmodels.executions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An execution in a session's list: its status and timings without its output, environment or
 * limits, which {@code GET /v1/executions/{id}} answers.
 */
public record ExecutionSummary(
    String executionId,
    @Schema(description = "QUEUED, RUNNING, or how it ended") ExecutionStatus status,
    String language,
    String runtime,
    String suggestionId,
    Instant requestedAt,
    Instant startedAt,
    Instant endedAt,
    Integer exitCode,
    Long durationMs) {

  public static ExecutionSummary of(Execution e) {
    return new ExecutionSummary(
        e.executionId(),
        e.status(),
        e.language(),
        e.runtime(),
        e.suggestionId(),
        e.requestedAt(),
        e.startedAt(),
        e.endedAt(),
        e.exitCode(),
        e.durationMs());
  }
}

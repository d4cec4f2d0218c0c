package dev.agentos.command.executor;

import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ResourceLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /v1/executions/{id}/complete}: a started run ended by itself (SUCCEEDED with
 * exit code 0, FAILED with another) or was killed at a limit other than the wall timeout
 * (LIMIT_EXCEEDED with {@code exceededLimit} and no exit code).
 */
public record CompleteExecutionRequest(
    @NotNull ExecutionOutcome outcome,
    Integer exitCode,
    ResourceLimit exceededLimit,
    @NotNull @Valid RunReportRequest report) {}

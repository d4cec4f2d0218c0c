package dev.agentos.command.executor;

import static dev.agentos.command.FieldLimits.ERROR_MESSAGE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/executions/{id}/fail}: the platform could not run it, before or during
 * the run (no sandbox, runtime not installed, deadline passed in the queue).
 *
 * @param report what was measured before the failure; absent when nothing ran
 */
public record FailExecutionRequest(
    @NotBlank @Size(max = ERROR_MESSAGE) String errorMessage, @Valid RunReportRequest report) {}

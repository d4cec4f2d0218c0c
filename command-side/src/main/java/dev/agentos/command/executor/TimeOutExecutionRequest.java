package dev.agentos.command.executor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/executions/{id}/timeout}: a started run killed at its wall timeout. */
public record TimeOutExecutionRequest(@NotNull @Valid RunReportRequest report) {}

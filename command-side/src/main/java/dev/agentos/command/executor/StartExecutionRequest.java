package dev.agentos.command.executor;

import static dev.agentos.command.FieldLimits.SANDBOX_NAME;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/executions/{id}/start}.
 *
 * @param sandboxId the sandbox instance running it, for correlating the executor's logs
 * @param runtime the runtime actually used, e.g. {@code python:3.12.4}
 */
public record StartExecutionRequest(
    @NotBlank @Size(max = SANDBOX_NAME) String sandboxId,
    @NotBlank @Size(max = SANDBOX_NAME) String runtime) {}

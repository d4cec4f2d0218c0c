package dev.agentos.command.execution;

import dev.agentos.command.web.ItemId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /v1/executions}: {@code code} or {@code files}, not both.
 *
 * @param executionId optional; one is made when absent
 * @param command the command line to run; null runs the code with the language's default runner
 * @param limits optional; each absent limit takes its configured default
 */
public record RequestExecutionRequest(
    @ItemId String executionId,
    @NotBlank @Size(max = 32) String language,
    @Size(max = 32) String languageVersion,
    String code,
    @Size(max = 1000) Map<String, String> files,
    @Size(max = 4000) String command,
    @Size(max = 200) Map<String, String> environment,
    String stdin,
    @Valid ExecutionLimitsRequest limits) {}

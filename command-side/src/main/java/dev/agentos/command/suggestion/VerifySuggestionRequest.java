package dev.agentos.command.suggestion;

import dev.agentos.command.execution.ExecutionLimitsRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /v1/suggestions/{id}/verify}.
 *
 * @param testCommand the command that runs the tests, e.g. {@code pytest -q}
 * @param testFramework whose report names the tests, e.g. {@code pytest}; absent to infer
 * @param files extra working-directory files, typically the tests; the suggestion's code is added
 * @param limits optional; each absent limit takes its configured default
 */
public record VerifySuggestionRequest(
    @NotBlank @Size(max = 4000) String testCommand,
    @Size(max = 64) String testFramework,
    @Size(max = 1000) Map<String, String> files,
    @Valid ExecutionLimitsRequest limits) {}

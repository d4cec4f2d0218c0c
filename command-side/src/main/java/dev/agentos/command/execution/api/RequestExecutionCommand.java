package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import java.util.Map;

/**
 * Asks for code to be run in the sandbox: either {@code code} (one source text) or {@code files}
 * (the working directory), run by {@code command} or the language's default runner.
 *
 * @param suggestionId the suggestion whose tests this run verifies, or null
 * @param limits null for the configured defaults
 */
public record RequestExecutionCommand(
    String executionId,
    String suggestionId,
    String language,
    String languageVersion,
    String code,
    Map<String, String> files,
    String command,
    Map<String, String> environment,
    String stdin,
    RequestedLimits limits,
    CommandOrigin origin) {}

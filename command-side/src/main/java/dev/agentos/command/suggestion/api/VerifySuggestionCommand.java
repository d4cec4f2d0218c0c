package dev.agentos.command.suggestion.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.execution.api.RequestedLimits;
import java.util.Map;

/**
 * Verifies a suggestion by running {@code testCommand} in a new execution over the suggestion's
 * code and the extra {@code files} (typically the tests). Both ids are chosen by the sender, so a
 * retry can be recognised and the answer is known before the command is sent.
 *
 * @param limits null for the configured defaults
 */
public record VerifySuggestionCommand(
    String suggestionId,
    String verificationId,
    String executionId,
    String testCommand,
    String testFramework,
    Map<String, String> files,
    RequestedLimits limits,
    CommandOrigin origin) {}

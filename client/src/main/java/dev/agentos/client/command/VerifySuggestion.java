package dev.agentos.client.command;

import java.util.Map;

/**
 * {@code POST /v1/suggestions/{id}/verify} (EXECUTIONS_RUN): run the tests against a suggestion.
 */
public record VerifySuggestion(
    String testCommand, String testFramework, Map<String, String> files, ExecutionLimits limits) {

  public static VerifySuggestion of(String testCommand) {
    return new VerifySuggestion(testCommand, null, null, null);
  }
}

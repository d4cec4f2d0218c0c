package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import java.util.Map;

/**
 * Asks for code to be run in the sandbox: either {@code code} (one source text) or {@code files}
 * (the working directory), run by {@code command} or the language's default runner.
 *
 * @param suggestionId the suggestion whose tests this run verifies, or null
 * @param verificationId the verification this run executes the tests of, or null
 * @param testFramework the verification's framework, e.g. {@code pytest}; null to infer or when
 *     none
 * @param environment the variables with their values; only their names reach the event log
 * @param limits null for the configured defaults
 */
public record RequestExecutionCommand(
    String executionId,
    String suggestionId,
    String verificationId,
    String testFramework,
    String language,
    String languageVersion,
    String code,
    Map<String, String> files,
    String command,
    Map<String, String> environment,
    String stdin,
    RequestedLimits limits,
    CommandOrigin origin) {

  /** The environment's values must not show in logs that print commands. */
  @Override
  public String toString() {
    return "RequestExecutionCommand[executionId="
        + executionId
        + ", language="
        + language
        + ", environment="
        + (environment == null ? "{}" : environment.keySet())
        + "]";
  }
}

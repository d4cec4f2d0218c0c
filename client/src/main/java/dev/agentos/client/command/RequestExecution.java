package dev.agentos.client.command;

import java.util.Map;

/**
 * {@code POST /v1/executions} (EXECUTIONS_RUN): code, or files, to run in the sandbox.
 *
 * @param executionId null: the command side chooses one
 * @param files path to content, or null
 * @param limits null: the sandbox's defaults
 */
public record RequestExecution(
    String executionId,
    String language,
    String languageVersion,
    String code,
    Map<String, String> files,
    String command,
    Map<String, String> environment,
    String stdin,
    ExecutionLimits limits) {

  public static RequestExecution code(String language, String code, String command) {
    return new RequestExecution(null, language, null, code, null, command, null, null, null);
  }
}

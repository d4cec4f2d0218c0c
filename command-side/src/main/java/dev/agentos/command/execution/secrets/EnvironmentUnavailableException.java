package dev.agentos.command.execution.secrets;

import dev.agentos.command.RuleViolationException;

/**
 * The sealed environment of an execution cannot be given to the executor: it is gone, or the key
 * that sealed it is not the one configured now. Answered 409 {@code environment-unavailable}; the
 * execution is not started, and the executor should fail it rather than run it without its
 * variables.
 */
public class EnvironmentUnavailableException extends RuleViolationException {

  public EnvironmentUnavailableException(String executionId, String why) {
    super(
        "environment-unavailable",
        "the environment of execution " + executionId + " cannot be opened (" + why + "); fail it");
  }
}

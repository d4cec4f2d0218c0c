package dev.agentos.command;

/**
 * A command an aggregate refuses because of its current state, e.g. updating a deleted memory.
 * Answered with HTTP 409: the same request may succeed against another state.
 */
public class RuleViolationException extends RuntimeException {

  public RuleViolationException(String message) {
    super(message);
  }
}

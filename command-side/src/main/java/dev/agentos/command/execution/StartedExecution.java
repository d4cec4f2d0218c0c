package dev.agentos.command.execution;

import java.util.Map;

/**
 * The answer to the executor's start of an execution: what it needs to run it that the event log
 * does not hold. Given once, to the start that was recorded; a second start is refused.
 *
 * @param version the execution's version after its start
 * @param environment the variables with their values, opened from their seal; empty when none
 */
public record StartedExecution(String id, long version, Map<String, String> environment) {

  /** The values must not show in logs that print answers. */
  @Override
  public String toString() {
    return "StartedExecution[id="
        + id
        + ", version="
        + version
        + ", environment="
        + environment.keySet()
        + "]";
  }
}

package dev.agentos.command.execution.secrets;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the values of an execution's environment wait for its start, sealed, outside the event log:
 * values may be API tokens or passwords, and everything in the event log is copied to Kafka and
 * indexed in Elasticsearch. {@code ExecutionRequested} holds the names only, each mapped to {@link
 * #REDACTED}. The {@code Execution} aggregate seals the values when it is requested, opens them for
 * the executor's start, and discards them when it ends, each in its command's transaction.
 */
public interface EnvironmentVault {

  /**
   * What {@code ExecutionRequested.environment} maps every variable name to, instead of its value.
   */
  String REDACTED = "[redacted]";

  /** Keeps {@code environment}'s values of the execution, sealed; a second seal keeps the first. */
  void seal(String tenantId, String executionId, Map<String, String> environment);

  /**
   * The values sealed for the execution.
   *
   * @throws EnvironmentUnavailableException when none are kept, or they cannot be opened
   */
  Map<String, String> open(String tenantId, String executionId);

  /** Forgets the execution's values; nothing happens when none are kept. */
  void discard(String tenantId, String executionId);

  /** The names of {@code environment}, each mapped to {@link #REDACTED}: what the event holds. */
  static Map<String, String> redacted(Map<String, String> environment) {
    Map<String, String> names = new HashMap<>();
    environment.keySet().forEach(name -> names.put(name, REDACTED));
    return Map.copyOf(names);
  }
}

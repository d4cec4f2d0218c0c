package dev.agentos.command.execution.api;

/**
 * The limits a request asks for; a null value means "the configured default". Checked and filled in
 * by {@link dev.agentos.command.execution.ExecutionLimitPolicy}.
 */
public record RequestedLimits(
    Long cpuTimeMs,
    Long memoryBytes,
    Long wallTimeoutMs,
    Long maxOutputBytes,
    Boolean networkAllowed) {

  /** Every limit at its configured default. */
  public static RequestedLimits defaults() {
    return new RequestedLimits(null, null, null, null, null);
  }
}

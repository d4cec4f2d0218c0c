package dev.agentos.command.execution;

import dev.agentos.command.execution.api.RequestedLimits;
import jakarta.validation.constraints.Positive;

/**
 * Limits in a request body; each may be left out for its configured default. The maxima are
 * configuration, checked by {@link ExecutionLimitPolicy} with the same field names.
 *
 * @param networkAllowed only false is accepted: the sandbox has no network
 */
public record ExecutionLimitsRequest(
    @Positive Long cpuTimeMs,
    @Positive Long memoryBytes,
    @Positive Long wallTimeoutMs,
    @Positive Long maxOutputBytes,
    Boolean networkAllowed) {

  public static RequestedLimits toRequested(ExecutionLimitsRequest limits) {
    return limits == null
        ? RequestedLimits.defaults()
        : new RequestedLimits(
            limits.cpuTimeMs,
            limits.memoryBytes,
            limits.wallTimeoutMs,
            limits.maxOutputBytes,
            limits.networkAllowed);
  }
}

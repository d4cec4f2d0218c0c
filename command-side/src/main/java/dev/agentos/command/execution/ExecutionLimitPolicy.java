package dev.agentos.command.execution;

import dev.agentos.command.CommandSideProperties;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.execution.api.RequestedLimits;
import dev.agentos.events.executions.ExecutionLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns the limits a request asks for into the hard limits the sandbox enforces: an absent limit
 * takes the configured default, a given one must be positive and at most the configured maximum
 * ({@code agentos.executions.*}). Network is never allowed: the sandbox has none to give, and
 * saying yes would promise what it cannot keep. Injected into command handlers by Axon.
 */
@Component
public class ExecutionLimitPolicy {

  private final ExecutionLimits defaults;
  private final ExecutionLimits maxima;

  @Autowired
  public ExecutionLimitPolicy(CommandSideProperties properties) {
    this(properties.executions());
  }

  public ExecutionLimitPolicy(CommandSideProperties.Executions settings) {
    this.maxima =
        limits(
            settings.maxCpuTime().toMillis(),
            settings.maxMemory().toBytes(),
            settings.maxWallTimeout().toMillis(),
            settings.maxOutput().toBytes());
    this.defaults =
        limits(
            settings.defaultCpuTime().toMillis(),
            settings.defaultMemory().toBytes(),
            settings.defaultWallTimeout().toMillis(),
            settings.defaultMaxOutput().toBytes());
    // A misconfigured default would refuse every request that names no limits: fail at start.
    try {
      resolve(RequestedLimits.defaults());
    } catch (InvalidCommandException e) {
      throw new IllegalStateException(
          "agentos.executions: a default limit is not positive or above its maximum: "
              + e.getMessage());
    }
  }

  /** The limits to run with; throws naming the field, e.g. {@code limits.wallTimeoutMs}. */
  public ExecutionLimits resolve(RequestedLimits requested) {
    RequestedLimits asked = requested == null ? RequestedLimits.defaults() : requested;
    if (Boolean.TRUE.equals(asked.networkAllowed())) {
      throw new InvalidCommandException("limits.networkAllowed", "the sandbox has no network");
    }
    return limits(
        within("cpuTimeMs", asked.cpuTimeMs(), defaults.getCpuTimeMs(), maxima.getCpuTimeMs()),
        within(
            "memoryBytes", asked.memoryBytes(), defaults.getMemoryBytes(), maxima.getMemoryBytes()),
        within(
            "wallTimeoutMs",
            asked.wallTimeoutMs(),
            defaults.getWallTimeoutMs(),
            maxima.getWallTimeoutMs()),
        within(
            "maxOutputBytes",
            asked.maxOutputBytes(),
            defaults.getMaxOutputBytes(),
            maxima.getMaxOutputBytes()));
  }

  private static long within(String field, Long asked, long fallback, long maximum) {
    long value = asked == null ? fallback : asked;
    if (value <= 0) {
      throw new InvalidCommandException("limits." + field, "must be positive, was " + value);
    }
    if (value > maximum) {
      throw new InvalidCommandException(
          "limits." + field, "must be at most " + maximum + ", was " + value);
    }
    return value;
  }

  private static ExecutionLimits limits(
      long cpuTimeMs, long memoryBytes, long wallTimeoutMs, long maxOutputBytes) {
    return ExecutionLimits.newBuilder()
        .setCpuTimeMs(cpuTimeMs)
        .setMemoryBytes(memoryBytes)
        .setWallTimeoutMs(wallTimeoutMs)
        .setMaxOutputBytes(maxOutputBytes)
        .setNetworkAllowed(false)
        .build();
  }
}

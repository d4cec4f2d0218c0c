package dev.agentos.command.execution;

import dev.agentos.command.CommandSideProperties;
import dev.agentos.events.executions.ExecutionLimits;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * The limit policy of the default configuration, for aggregate tests: register {@link #POLICY} with
 * {@code fixture.registerInjectableResource} and expect {@link #DEFAULTS} in events.
 */
public final class TestLimits {

  public static final ExecutionLimitPolicy POLICY =
      new ExecutionLimitPolicy(
          new CommandSideProperties.Executions(
              Duration.ofSeconds(10),
              DataSize.ofMegabytes(256),
              Duration.ofSeconds(30),
              DataSize.ofMegabytes(1),
              Duration.ofSeconds(60),
              DataSize.ofGigabytes(2),
              Duration.ofSeconds(300),
              DataSize.ofMegabytes(10)));

  public static final ExecutionLimits DEFAULTS =
      ExecutionLimits.newBuilder()
          .setCpuTimeMs(10_000)
          .setMemoryBytes(256L * 1024 * 1024)
          .setWallTimeoutMs(30_000)
          .setMaxOutputBytes(1024 * 1024)
          .setNetworkAllowed(false)
          .build();

  private TestLimits() {}
}

package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ResourceLimit;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the executor when a started run's process exited by itself, or was killed at one of the
 * sandbox's limits other than the wall timeout.
 *
 * @param outcome SUCCEEDED or FAILED (with the exit code), or LIMIT_EXCEEDED (with the limit);
 *     timeouts and sandbox errors have their own commands
 * @param exceededLimit which limit killed the run, for LIMIT_EXCEEDED only
 */
public record CompleteExecutionCommand(
    String executionId,
    ExecutionOutcome outcome,
    Integer exitCode,
    ResourceLimit exceededLimit,
    RunReport report,
    CommandOrigin origin) {

  /** The execution's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), executionId);
  }
}

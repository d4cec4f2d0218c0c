package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the executor when a started run's process exited by itself.
 *
 * @param outcome SUCCEEDED or FAILED; timeouts and sandbox errors have their own commands
 */
public record CompleteExecutionCommand(
    String executionId,
    ExecutionOutcome outcome,
    Integer exitCode,
    RunReport report,
    CommandOrigin origin) {

  /** The execution's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), executionId);
  }
}

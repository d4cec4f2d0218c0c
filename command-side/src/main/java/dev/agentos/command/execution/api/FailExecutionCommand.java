package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the executor when the sandbox itself failed, before or during the run: the platform's
 * fault, which says nothing about the code.
 *
 * @param report what was measured before the failure; null when nothing ran
 */
public record FailExecutionCommand(
    String executionId, String errorMessage, RunReport report, CommandOrigin origin) {

  /** The execution's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), executionId);
  }
}

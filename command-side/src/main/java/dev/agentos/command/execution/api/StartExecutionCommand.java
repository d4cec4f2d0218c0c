package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the executor when a sandbox picked up a requested execution and started it. */
public record StartExecutionCommand(
    String executionId, String sandboxId, String runtime, CommandOrigin origin) {

  /** The execution's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), executionId);
  }
}

package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes one of a memory's relations by its id. */
public record RemoveRelationCommand(
    String memoryId, String relationId, String reason, CommandOrigin origin) {

  /** The memory's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), memoryId);
  }
}

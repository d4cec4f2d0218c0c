package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.memory.RelationType;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Relates a memory to another one of the same tenant; the source memory owns the relation. */
public record AddRelationCommand(
    String memoryId,
    String relationId,
    String toMemoryId,
    RelationType relationType,
    float strength,
    CommandOrigin origin) {

  /** The memory's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), memoryId);
  }
}

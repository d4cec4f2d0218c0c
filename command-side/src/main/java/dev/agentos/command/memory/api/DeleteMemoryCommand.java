package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forgets a memory at the caller's request; its history stays in the event store. */
public record DeleteMemoryCommand(
    String memoryId, Long expectedVersion, String note, CommandOrigin origin) {

  /** The memory's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), memoryId);
  }
}

package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes some fields of a memory.
 *
 * @param expectedVersion the version the caller last saw ({@code If-Match}); null skips the check
 */
public record UpdateMemoryCommand(
    String memoryId, Long expectedVersion, MemoryPatch patch, CommandOrigin origin) {

  /** The memory's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), memoryId);
  }
}

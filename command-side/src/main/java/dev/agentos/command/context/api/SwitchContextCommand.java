package dev.agentos.command.context.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes {@code contextId} the active context of a session of the origin's tenant. */
public record SwitchContextCommand(String sessionId, String contextId, CommandOrigin origin) {

  /** The session's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), sessionId);
  }
}

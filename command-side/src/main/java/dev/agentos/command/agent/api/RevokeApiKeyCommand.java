package dev.agentos.command.agent.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes one of an agent's keys; it stops authenticating when the command returns. */
public record RevokeApiKeyCommand(
    String agentId, String keyId, String reason, CommandOrigin origin) {

  /** The agent's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), agentId);
  }
}

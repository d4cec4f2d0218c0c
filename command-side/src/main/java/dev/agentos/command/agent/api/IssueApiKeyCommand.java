package dev.agentos.command.agent.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.schemas.streams.StreamIds;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues a key to an agent; the command carries only the key's hash, never the key. */
public record IssueApiKeyCommand(
    String agentId,
    String keyId,
    String keyHash,
    String keyPrefix,
    Set<ApiKeyScope> scopes,
    String label,
    Instant expiresAt,
    CommandOrigin origin) {

  /** The agent's stream in the caller's tenant: ids are unique per tenant only. */
  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.of(origin.tenantId(), agentId);
  }
}

package dev.agentos.command.agent.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes one of an agent's keys; it stops authenticating when the command returns. */
public record RevokeApiKeyCommand(
    @TargetAggregateIdentifier String agentId, String keyId, String reason, CommandOrigin origin) {}

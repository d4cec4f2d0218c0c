package dev.agentos.command.agent.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.agents.ApiKeyScope;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues a key to an agent; the command carries only the key's hash, never the key. */
public record IssueApiKeyCommand(
    @TargetAggregateIdentifier String agentId,
    String keyId,
    String keyHash,
    String keyPrefix,
    Set<ApiKeyScope> scopes,
    String label,
    Instant expiresAt,
    CommandOrigin origin) {}

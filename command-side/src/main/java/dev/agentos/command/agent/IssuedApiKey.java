package dev.agentos.command.agent;

import dev.agentos.events.agents.ApiKeyScope;
import java.time.Instant;
import java.util.Set;

/**
 * The answer to issuing a key: the only time the key itself is shown; AgentOS keeps its hash.
 *
 * @param version the agent's version after the key was issued
 */
public record IssuedApiKey(
    String agentId,
    String keyId,
    String key,
    String keyPrefix,
    Set<ApiKeyScope> scopes,
    Instant expiresAt,
    long version) {}

package dev.agentos.command.agent;

import dev.agentos.events.agents.ApiKeyScope;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Body of {@code POST /v1/agents/{id}/keys}. */
public record IssueApiKeyRequest(
    @NotEmpty Set<ApiKeyScope> scopes, @Size(max = 200) String label, Instant expiresAt) {}

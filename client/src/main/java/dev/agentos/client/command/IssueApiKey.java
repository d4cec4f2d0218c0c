package dev.agentos.client.command;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/agents/{id}/keys} (ADMIN): a key for an agent.
 *
 * @param label a name to tell keys apart, or null
 * @param expiresAt null: the key does not expire
 */
public record IssueApiKey(Set<ApiKeyScope> scopes, String label, Instant expiresAt) {

  public static IssueApiKey of(String label, ApiKeyScope... scopes) {
    return new IssueApiKey(Set.copyOf(List.of(scopes)), label, null);
  }
}

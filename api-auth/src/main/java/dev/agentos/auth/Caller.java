package dev.agentos.auth;

import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;

/**
 * Who is calling, as their API key says: its tenant, project and agent, and what it may do. An
 * {@code ADMIN} key may do everything within its tenant. Every read and write is scoped by the
 * tenant (and, where the key has one, the project) found here, never by what a request says.
 */
public record Caller(
    String keyId, String tenantId, String projectId, String agentId, Set<ApiKeyScope> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean may(ApiKeyScope scope) {
    return scopes.contains(scope) || scopes.contains(ApiKeyScope.ADMIN);
  }
}

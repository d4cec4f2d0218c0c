package dev.agentos.command.auth;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;

/**
 * Who is calling, as their API key says: its tenant, project and agent, and what it may do. An
 * {@code ADMIN} key may do everything within its tenant.
 */
public record Caller(
    String keyId, String tenantId, String projectId, String agentId, Set<ApiKeyScope> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean may(ApiKeyScope scope) {
    return scopes.contains(scope) || scopes.contains(ApiKeyScope.ADMIN);
  }

  /** The origin of a command sent by this caller within {@code sessionId} and {@code traceId}. */
  public CommandOrigin origin(String sessionId, String traceId) {
    return new CommandOrigin(tenantId, projectId, agentId, sessionId, traceId);
  }
}

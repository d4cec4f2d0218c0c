package dev.agentos.command.auth;

import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ApiKeyTable} in step with the agents' key events. Its processing group is
 * subscribing (see application.yml), so it runs inside the command's own transaction.
 */
@Component
@ProcessingGroup(ApiKeyProjection.GROUP)
public class ApiKeyProjection {

  public static final String GROUP = "api-keys";

  private final ApiKeyTable directory;

  public ApiKeyProjection(ApiKeyTable directory) {
    this.directory = directory;
  }

  @EventHandler
  void on(ApiKeyIssued event) {
    directory.add(
        event.getKeyHash(),
        event.getKeyId(),
        event.getHeader().getTenantId(),
        event.getHeader().getProjectId(),
        event.getHeader().getAgentId(),
        event.getScopes(),
        event.getExpiresAt());
  }

  @EventHandler
  void on(ApiKeyRevoked event) {
    directory.revoke(
        event.getHeader().getTenantId(),
        event.getHeader().getAgentId(),
        event.getKeyId(),
        event.getHeader().getOccurredAt());
  }
}

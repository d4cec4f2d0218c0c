package dev.agentos.command.it;

import dev.agentos.auth.ApiKeys;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * API keys for integration tests: one with a scope in the test JVM's tenant, issued over HTTP by
 * its admin, and one in a fresh tenant of its own. An admin key reaches only its own tenant, so the
 * second is made by sending the agent commands straight to the application's command gateway.
 */
public final class TenantKeys {

  private TenantKeys() {}

  /** A key of a new agent of the app's tenant holding {@code scope}. */
  public static String inOwnTenant(RunningCommandSide app, ApiKeyScope scope) {
    String agentId = "agent-" + UUID.randomUUID();
    var registered =
        app.admin()
            .post("/v1/agents", Map.of("agentId", agentId, "displayName", "it", "client", "it"));
    if (registered.status() != 201) {
      throw new IllegalStateException("cannot register an agent: " + registered);
    }
    return app.admin()
        .post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of(scope.name())))
        .json()
        .get("key")
        .asText();
  }

  /** A key holding {@code scope} of a new agent in a new tenant. */
  public static String inAnotherTenant(RunningCommandSide app, ApiKeyScope scope) {
    CommandGateway commands = app.bean(CommandGateway.class);
    String agentId = "agent-" + UUID.randomUUID();
    CommandOrigin origin =
        new CommandOrigin("it-other-" + UUID.randomUUID(), "it-project", "it-setup", null, null);
    commands.sendAndWait(
        new RegisterAgentCommand(agentId, "other", "it", null, List.of(), Map.of(), origin));
    String key = ApiKeys.generate();
    commands.sendAndWait(
        new IssueApiKeyCommand(
            agentId,
            UUID.randomUUID().toString(),
            ApiKeys.hash(key),
            ApiKeys.displayPrefix(key),
            Set.of(scope),
            "it",
            null,
            origin));
    return key;
  }
}

package dev.agentos.command.agent;

import dev.agentos.auth.ApiKeys;
import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.agent.api.RevokeApiKeyCommand;
import dev.agentos.command.executor.ExecutorReach;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
import dev.agentos.command.web.IfMatch;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents and their API keys; admin keys only, within their own tenant. */
@RestController
@RequestMapping("/v1/agents")
@Tag(name = "agents", description = "Register agents and manage their API keys (ADMIN scope)")
public class AgentController {

  private final CommandGateway commands;
  private final ExecutorReach executorReach;

  public AgentController(CommandGateway commands, ExecutorReach executorReach) {
    this.commands = commands;
    this.executorReach = executorReach;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.ADMIN)
  @Operation(summary = "Register an agent in the caller's tenant")
  public ResponseEntity<CommandResult> register(
      @Valid @RequestBody RegisterAgentRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String agentId =
        Objects.requireNonNullElseGet(body.agentId(), () -> UUID.randomUUID().toString());
    String projectId = Objects.requireNonNullElse(body.projectId(), caller.projectId());
    CommandResult result =
        commands.sendAndWait(
            new RegisterAgentCommand(
                agentId,
                body.displayName(),
                body.client(),
                body.clientVersion(),
                Objects.requireNonNullElse(body.capabilities(), List.of()),
                Objects.requireNonNullElse(body.metadata(), Map.of()),
                // An admin may register the agent in another project of its tenant.
                new CommandOrigin(
                    caller.tenantId(), projectId, caller.agentId(), sessionId, traceId)));
    return CommandResponses.created("/v1/agents/" + agentId, result);
  }

  @PostMapping("/{agentId}/keys")
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.ADMIN)
  @Operation(
      summary = "Issue an API key to an agent; the key is shown in this answer only",
      description =
          "EXECUTOR, the sandbox executor's scope, reaches every tenant: only an admin of the"
              + " platform tenant may issue it (403 otherwise), and only alone on its key (422).")
  public ResponseEntity<IssuedApiKey> issueKey(
      @PathVariable String agentId,
      @Valid @RequestBody IssueApiKeyRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    if (body.scopes().contains(ApiKeyScope.EXECUTOR)
        && !caller.tenantId().equals(executorReach.platformTenant())) {
      throw new ForbiddenException(
          "EXECUTOR keys reach every tenant: only an admin of the platform tenant may issue them");
    }
    String key = ApiKeys.generate();
    String keyId = UUID.randomUUID().toString();
    CommandResult result =
        commands.sendAndWait(
            new IssueApiKeyCommand(
                agentId,
                keyId,
                ApiKeys.hash(key),
                ApiKeys.displayPrefix(key),
                body.scopes(),
                body.label(),
                body.expiresAt(),
                CommandOrigin.of(caller, null, traceId)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/agents/" + agentId + "/keys/" + keyId))
        .eTag(IfMatch.etag(result.version()))
        .body(
            new IssuedApiKey(
                agentId,
                keyId,
                key,
                ApiKeys.displayPrefix(key),
                body.scopes(),
                body.expiresAt(),
                result.version()));
  }

  @DeleteMapping("/{agentId}/keys/{keyId}")
  @RequiresScope(ApiKeyScope.ADMIN)
  @Operation(summary = "Revoke an agent's API key; it stops working at once")
  public ResponseEntity<CommandResult> revokeKey(
      @PathVariable String agentId,
      @PathVariable String keyId,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    if (keyId.equals(caller.keyId())) {
      throw new ForbiddenException("a key cannot revoke itself; use another admin key");
    }
    return CommandResponses.ok(
        commands.sendAndWait(
            new RevokeApiKeyCommand(
                agentId, keyId, "revoked over the API", CommandOrigin.of(caller, null, traceId))));
  }
}

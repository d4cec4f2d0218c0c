package dev.agentos.command.agent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.agent.api.RevokeApiKeyCommand;
import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agent of a tenant and the API keys it holds. A key is issued with at least one scope ({@code
 * EXECUTOR} alone) and revoked at most once, by callers that may see the agent ({@link
 * CommandOrigin#reaches}); others are answered as for an unknown id; every event of an agent
 * carries the agent's own tenant, project and id.
 */
@Aggregate
public class Agent {

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String agentId;
  private String tenantId;
  private String projectId;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> revokedKeys = new HashSet<>();

  protected Agent() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(RegisterAgentCommand command, EventHeaders headers) {
    if (command.displayName() == null || command.displayName().isBlank()) {
      throw new InvalidCommandException("displayName", "must not be blank");
    }
    if (command.client() == null || command.client().isBlank()) {
      throw new InvalidCommandException("client", "must not be blank");
    }
    FieldLimits.requireItems(
        "capabilities", command.capabilities(), FieldLimits.LABELS, FieldLimits.LABEL);
    FieldLimits.requireEntries(
        "metadata",
        command.metadata(),
        FieldLimits.MAP_ENTRIES,
        FieldLimits.MAP_KEY,
        FieldLimits.MAP_VALUE);
    CommandOrigin origin = command.origin();
    apply(
        AgentRegistered.newBuilder()
            .setHeader(
                headers.next(
                    new CommandOrigin(
                        origin.tenantId(),
                        origin.projectId(),
                        command.agentId(),
                        origin.sessionId(),
                        origin.traceId())))
            .setDisplayName(command.displayName())
            .setClient(command.client())
            .setClientVersion(command.clientVersion())
            .setCapabilities(new ArrayList<>(command.capabilities()))
            .setMetadata(new HashMap<>(command.metadata()))
            .build());
    return result();
  }

  @CommandHandler
  public CommandResult handle(IssueApiKeyCommand command, EventHeaders headers) {
    command.origin().requireReach(tenantId, projectId);
    if (command.scopes() == null || command.scopes().isEmpty()) {
      throw new InvalidCommandException("scopes", "name at least one scope");
    }
    if (command.scopes().contains(ApiKeyScope.UNKNOWN)) {
      throw new InvalidCommandException("scopes", "UNKNOWN is not a scope that can be granted");
    }
    if (command.scopes().contains(ApiKeyScope.EXECUTOR) && command.scopes().size() > 1) {
      // It reaches every tenant for the executor's endpoints; with another scope beside it, one
      // leak would give both, and an agent's key has no need of the executor's.
      throw new InvalidCommandException(
          "scopes", "EXECUTOR is the executor's own key: issue it alone, without other scopes");
    }
    if (command.expiresAt() != null && !command.expiresAt().isAfter(headers.clock().instant())) {
      throw new InvalidCommandException("expiresAt", "must be in the future");
    }
    FieldLimits.requireExpiryWithinReach(
        "expiresAt", command.expiresAt(), headers.clock().instant());
    if (keys.contains(command.keyId())) {
      throw new RuleViolationException("agent " + agentId + " already has key " + command.keyId());
    }
    apply(
        ApiKeyIssued.newBuilder()
            .setHeader(headers.next(ownOrigin(command.origin())))
            .setKeyId(command.keyId())
            .setKeyHash(command.keyHash())
            .setKeyPrefix(command.keyPrefix())
            .setScopes(command.scopes().stream().sorted().toList())
            .setLabel(command.label())
            .setExpiresAt(command.expiresAt())
            .build());
    return result();
  }

  @CommandHandler
  public CommandResult handle(RevokeApiKeyCommand command, EventHeaders headers) {
    command.origin().requireReach(tenantId, projectId);
    if (!keys.contains(command.keyId())) {
      throw NotFoundException.part("key " + command.keyId() + " of agent " + agentId);
    }
    if (revokedKeys.contains(command.keyId())) {
      throw new RuleViolationException("key " + command.keyId() + " is already revoked");
    }
    apply(
        ApiKeyRevoked.newBuilder()
            .setHeader(headers.next(ownOrigin(command.origin())))
            .setKeyId(command.keyId())
            .setReason(command.reason())
            .build());
    return result();
  }

  @EventSourcingHandler
  void on(AgentRegistered event) {
    agentId = event.getHeader().getAgentId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), agentId);
    tenantId = event.getHeader().getTenantId();
    projectId = event.getHeader().getProjectId();
  }

  @EventSourcingHandler
  void on(ApiKeyIssued event) {
    keys.add(event.getKeyId());
  }

  @EventSourcingHandler
  void on(ApiKeyRevoked event) {
    revokedKeys.add(event.getKeyId());
  }

  /** Events of an agent are about the agent: its own tenant, project and id, the caller's trace. */
  private CommandOrigin ownOrigin(CommandOrigin caller) {
    return new CommandOrigin(tenantId, projectId, agentId, caller.sessionId(), caller.traceId());
  }

  private CommandResult result() {
    return new CommandResult(agentId, AggregateLifecycle.getVersion());
  }
}

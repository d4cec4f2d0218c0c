package dev.agentos.command.context;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.context.api.SwitchContextCommand;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agent session's choice of active context. A session of its own, rather than a directory lookup
 * from the Context aggregate, because the switch is a fact about the session: its events are keyed
 * by session id, its previous context is its own state (no read model can lag or race it), and
 * switches of one session are serialised by the session's own lock. The first switch creates the
 * session in the caller's tenant and project; from then on only callers that may see it ({@link
 * CommandOrigin#reaches}: that tenant, and that project for a key bound to one) may switch it, and
 * only to an open context they may see; others are answered as for an unknown id. Switching to the
 * context already active changes nothing.
 */
@Aggregate
public class Session {

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String sessionId;
  private String tenantId;
  private String projectId;
  private String activeContextId;

  protected Session() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      SwitchContextCommand command, EventHeaders headers, ContextDirectory contexts) {
    CommandOrigin origin = command.origin();
    if (sessionId == null && AggregateLifecycle.getVersion() != null) {
      // Ids share one event store: this one already names something that is not a session.
      throw NotFoundException.item();
    }
    if (sessionId != null) {
      origin.requireReach(tenantId, projectId);
    }
    ContextDirectory.requireOpen(
        contexts.find(origin.tenantId(), command.contextId()), origin, "contextId");
    if (command.contextId().equals(activeContextId)) {
      return result();
    }
    apply(
        new ContextSwitched(
            headers.next(
                new CommandOrigin(
                    origin.tenantId(),
                    origin.projectId(),
                    origin.agentId(),
                    command.sessionId(),
                    origin.traceId())),
            command.sessionId(),
            activeContextId,
            command.contextId()));
    return result();
  }

  @EventSourcingHandler
  void on(ContextSwitched event) {
    if (sessionId == null) {
      // The session is the tenant's and project's that started it, whoever switches it later.
      sessionId = event.getSessionId();
      streamId = StreamIds.of(event.getHeader().getTenantId(), sessionId);
      tenantId = event.getHeader().getTenantId();
      projectId = event.getHeader().getProjectId();
    }
    activeContextId = event.getContextId();
  }

  private CommandResult result() {
    return new CommandResult(sessionId, AggregateLifecycle.getVersion());
  }
}

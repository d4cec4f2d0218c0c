package dev.agentos.command.memory;

import static dev.agentos.command.memory.MemoryDirectory.State.ACTIVE;
import static dev.agentos.command.memory.MemoryDirectory.State.DELETED;
import static dev.agentos.command.memory.MemoryDirectory.State.SUPERSEDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.OutsideTenantException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.context.ContextDirectory;
import dev.agentos.command.memory.api.DeleteMemoryCommand;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.memory.api.StoreMemoryCommand;
import dev.agentos.command.memory.api.UpdateMemoryCommand;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A piece of knowledge, stored in an open context of its tenant; only that tenant touches it. An
 * active memory may change, gain relations ({@link MemoryRelations}) and be superseded; a
 * superseded one, or one a context merge collapsed into a duplicate, may only lose relations or be
 * forgotten; a forgotten one nothing. An update that changes nothing applies no event and answers
 * the current version, so a retried PATCH is harmless.
 */
@Aggregate
public class Memory {

  @AggregateIdentifier private String memoryId;
  private String tenantId;
  private String projectId;
  private MemoryContent content;
  private MemoryDirectory.State state;
  @AggregateMember private final MemoryRelations relations = new MemoryRelations(this);

  protected Memory() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(
      StoreMemoryCommand command, EventHeaders headers, ContextDirectory contexts) {
    store(command, headers, contexts);
    return result();
  }

  /**
   * Also how {@link MemorySupersession} makes a replacement. Answers nothing: inside a repository's
   * factory the events apply only once the factory returns, so there is no version yet.
   */
  void store(StoreMemoryCommand command, EventHeaders headers, ContextDirectory contexts) {
    if (command.memoryId() == null || command.memoryId().isBlank()) {
      throw new InvalidCommandException("memoryId", "must not be blank");
    }
    command.content().validate(headers.clock().instant());
    String tenant = command.origin().tenantId();
    ContextDirectory.requireOpen(contexts.find(command.contextId()), tenant, "contextId");
    apply(
        MemoryEvents.stored(
            headers.next(command.origin()),
            command.memoryId(),
            command.contextId(),
            command.content()));
  }

  @CommandHandler
  public CommandResult handle(
      UpdateMemoryCommand command, EventHeaders headers, MemoryDirectory directory) {
    requireChangeable(command.origin(), directory);
    if (command.patch().isEmpty()) {
      throw new InvalidCommandException("body", "name at least one field to change");
    }
    MemoryContent after = command.patch().applyTo(content);
    after.validateValues();
    MemoryContent.validateExpiry(command.patch().expiresAt(), headers.clock().instant());
    List<String> changed = content.changedFields(after);
    if (!changed.isEmpty()) {
      apply(MemoryEvents.updated(headers.next(own(command.origin())), memoryId, after, changed));
    }
    return result();
  }

  /** Called by {@link MemorySupersession} once the replacement {@code byMemoryId} is stored. */
  void supersede(
      String byMemoryId,
      String reason,
      CommandOrigin origin,
      EventHeaders headers,
      MemoryDirectory directory) {
    requireChangeable(origin, directory);
    apply(new MemorySuperseded(headers.next(own(origin)), memoryId, byMemoryId, reason));
  }

  @CommandHandler
  public CommandResult handle(DeleteMemoryCommand command, EventHeaders headers) {
    requireNotDeleted(command.origin());
    apply(
        new MemoryDeleted(
            headers.next(own(command.origin())), memoryId, ForgetReason.REQUESTED, command.note()));
    return result();
  }

  @EventSourcingHandler
  void on(MemoryStored event) {
    memoryId = event.getMemoryId();
    tenantId = event.getHeader().getTenantId();
    projectId = event.getHeader().getProjectId();
    content = MemoryEvents.contentOf(event);
    state = ACTIVE;
  }

  @EventSourcingHandler
  void on(MemoryUpdated event) {
    content = MemoryEvents.contentOf(event);
  }

  @EventSourcingHandler
  void on(MemorySuperseded event) {
    state = SUPERSEDED;
  }

  @EventSourcingHandler
  void on(MemoryDeleted event) {
    state = DELETED;
  }

  void requireNotDeleted(CommandOrigin origin) {
    requireTenant(origin);
    if (state == DELETED) {
      throw new RuleViolationException("memory " + memoryId + " is deleted");
    }
  }

  private void requireTenant(CommandOrigin origin) {
    if (tenantId == null) {
      // The id names a stream of another kind (ids share one event store): no memory has it.
      throw new NotFoundException("memory");
    }
    if (!tenantId.equals(origin.tenantId())) {
      throw new OutsideTenantException("memory " + memoryId);
    }
  }

  void requireChangeable(CommandOrigin origin, MemoryDirectory directory) {
    requireTenant(origin);
    if (state != ACTIVE) {
      throw new RuleViolationException(
          "memory " + memoryId + " is " + state.name().toLowerCase() + " and cannot change");
    }
    // A merge collapses duplicates without an event of their own: only the directory knows.
    if (directory.find(memoryId).map(MemoryDirectory.Entry::state).orElse(ACTIVE) != ACTIVE) {
      throw new RuleViolationException(
          "memory " + memoryId + " was collapsed into a duplicate when its context was merged");
    }
  }

  /** Events about a memory carry its own tenant and project, and the caller's agent and trace. */
  CommandOrigin own(CommandOrigin caller) {
    return new CommandOrigin(
        tenantId, projectId, caller.agentId(), caller.sessionId(), caller.traceId());
  }

  String id() {
    return memoryId;
  }

  CommandResult result() {
    return new CommandResult(memoryId, AggregateLifecycle.getVersion());
  }
}

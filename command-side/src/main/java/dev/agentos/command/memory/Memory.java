package dev.agentos.command.memory;

import static dev.agentos.command.memory.MemoryDirectory.State.ACTIVE;
import static dev.agentos.command.memory.MemoryDirectory.State.DELETED;
import static dev.agentos.command.memory.MemoryDirectory.State.SUPERSEDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.ExpectedVersion;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.context.ContextDirectory;
import dev.agentos.command.memory.api.DeleteMemoryCommand;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.memory.api.StoreMemoryCommand;
import dev.agentos.command.memory.api.UpdateMemoryCommand;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.schemas.streams.StreamIds;
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
 * A piece of knowledge, stored in an open context the caller may see; only callers that may see the
 * memory touch it (see {@link MemoryStanding}). An active memory may change, gain relations ({@link
 * MemoryRelations}) and be superseded; a superseded one, or one a context merge collapsed into a
 * duplicate, may only lose relations or be forgotten; a forgotten one nothing. An update that
 * changes nothing applies no event and answers the current version, so a retried PATCH is harmless.
 */
@Aggregate
public class Memory {

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String memoryId;
  private MemoryStanding standing;
  private MemoryContent content;
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
    command.content().validate(headers.clock().instant());
    CommandOrigin origin = command.origin();
    ContextDirectory.requireOpen(
        contexts.find(origin.tenantId(), command.contextId()), origin, "contextId");
    apply(
        MemoryEvents.stored(
            headers.next(origin), command.memoryId(), command.contextId(), command.content()));
  }

  @CommandHandler
  public CommandResult handle(
      UpdateMemoryCommand command, EventHeaders headers, MemoryDirectory directory) {
    standing().requireChangeable(command.origin(), directory);
    ExpectedVersion.require(memoryId, command.expectedVersion());
    MemoryContent after = command.patch().applyTo(content, headers.clock().instant());
    List<String> changed = content.changedFields(after);
    if (!changed.isEmpty()) {
      apply(MemoryEvents.updated(eventHeader(headers, command.origin()), memoryId, after, changed));
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
    standing().requireChangeable(origin, directory);
    apply(new MemorySuperseded(eventHeader(headers, origin), memoryId, byMemoryId, reason));
  }

  @CommandHandler
  public CommandResult handle(DeleteMemoryCommand command, EventHeaders headers) {
    standing().requireNotDeleted(command.origin());
    ExpectedVersion.require(memoryId, command.expectedVersion());
    apply(
        new MemoryDeleted(
            eventHeader(headers, command.origin()),
            memoryId,
            ForgetReason.REQUESTED,
            command.note()));
    return result();
  }

  @EventSourcingHandler
  void on(MemoryStored event) {
    memoryId = event.getMemoryId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), memoryId);
    standing =
        new MemoryStanding(
            memoryId, event.getHeader().getTenantId(), event.getHeader().getProjectId(), ACTIVE);
    content = MemoryEvents.contentOf(event);
  }

  @EventSourcingHandler
  void on(MemoryUpdated event) {
    content = MemoryEvents.contentOf(event);
  }

  @EventSourcingHandler
  void on(MemorySuperseded event) {
    standing = standing.with(SUPERSEDED);
  }

  @EventSourcingHandler
  void on(MemoryDeleted event) {
    standing = standing.with(DELETED);
  }

  /** Null only when the id names a stream of another kind (ids share one event store). */
  MemoryStanding standing() {
    if (standing == null) {
      throw NotFoundException.item();
    }
    return standing;
  }

  EventHeader eventHeader(EventHeaders headers, CommandOrigin caller) {
    return headers.next(standing.eventOrigin(caller));
  }

  CommandResult result() {
    return new CommandResult(memoryId, AggregateLifecycle.getVersion());
  }
}

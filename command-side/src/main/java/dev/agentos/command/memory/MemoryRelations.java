package dev.agentos.command.memory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.memory.api.AddRelationCommand;
import dev.agentos.command.memory.api.RemoveRelationCommand;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.RelationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The relations a {@link Memory} owns, directed from it. A relation goes to another active memory
 * the caller may see ({@link CommandOrigin#reaches}), never to the memory itself, at most once per
 * target and type, with a strength in [0,1]. A target that is unknown and one the caller may not
 * see (another tenant's, another project's) get the same answer, so that no caller learns which ids
 * others hold.
 */
class MemoryRelations {

  private final Memory memory;
  private final Map<String, Relation> byId = new HashMap<>();

  MemoryRelations(Memory memory) {
    this.memory = memory;
  }

  @CommandHandler
  public CommandResult handle(
      AddRelationCommand command, EventHeaders headers, MemoryDirectory directory) {
    memory.standing().requireChangeable(command.origin(), directory);
    if (command.relationType() == null) {
      throw new InvalidCommandException(
          "relationType", "must be one of " + List.of(RelationType.values()));
    }
    if (!(command.strength() >= 0f && command.strength() <= 1f)) {
      throw new InvalidCommandException("strength", "must be between 0 and 1");
    }
    Relation relation = new Relation(command.toMemoryId(), command.relationType());
    requireTarget(command.memoryId(), relation.to(), command.origin(), directory);
    if (byId.containsValue(relation)) {
      throw new RuleViolationException(
          "the memory already has a " + relation.type() + " relation to " + relation.to());
    }
    apply(
        new MemoryRelationAdded(
            memory.eventHeader(headers, command.origin()),
            command.relationId(),
            command.memoryId(),
            relation.to(),
            relation.type(),
            command.strength()));
    return memory.result();
  }

  @CommandHandler
  public CommandResult handle(RemoveRelationCommand command, EventHeaders headers) {
    memory.standing().requireNotDeleted(command.origin());
    Relation relation = byId.get(command.relationId());
    if (relation == null) {
      throw NotFoundException.part("relation " + command.relationId());
    }
    apply(
        new MemoryRelationRemoved(
            memory.eventHeader(headers, command.origin()),
            command.relationId(),
            command.memoryId(),
            relation.to(),
            command.reason()));
    return memory.result();
  }

  @EventSourcingHandler
  void on(MemoryRelationAdded event) {
    byId.put(event.getRelationId(), new Relation(event.getToMemoryId(), event.getRelationType()));
  }

  @EventSourcingHandler
  void on(MemoryRelationRemoved event) {
    byId.remove(event.getRelationId());
  }

  private static void requireTarget(
      String fromMemoryId, String toMemoryId, CommandOrigin caller, MemoryDirectory directory) {
    if (toMemoryId == null || toMemoryId.isBlank()) {
      throw new InvalidCommandException("toMemoryId", "must not be blank");
    }
    if (toMemoryId.equals(fromMemoryId)) {
      throw new InvalidCommandException("toMemoryId", "a memory cannot relate to itself");
    }
    MemoryDirectory.Entry target =
        directory
            .find(caller.tenantId(), toMemoryId)
            .filter(entry -> caller.reaches(entry.tenantId(), entry.projectId()))
            .orElseThrow(() -> new InvalidCommandException("toMemoryId", "no memory with this id"));
    if (target.state() != MemoryDirectory.State.ACTIVE) {
      throw new InvalidCommandException(
          "toMemoryId",
          "the memory is " + target.state().name().toLowerCase() + "; relate to an active one");
    }
  }

  private record Relation(String to, RelationType type) {}
}

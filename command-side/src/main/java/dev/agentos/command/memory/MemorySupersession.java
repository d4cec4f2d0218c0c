package dev.agentos.command.memory;

import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.ExpectedVersion;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.context.ContextDirectory;
import dev.agentos.command.memory.api.SupersedeMemoryCommand;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Replaces a memory by a newer one: stores the replacement and marks the old memory superseded by
 * it in one unit of work, so either both happen or neither. The replacement obeys every rule of a
 * store, the old memory every rule of a change (its tenant, active, not collapsed). The old one
 * stays in the event store for history.
 */
@Component
public class MemorySupersession {

  private final Repository<Memory> memories;

  public MemorySupersession(Repository<Memory> memories) {
    this.memories = memories;
  }

  @CommandHandler
  public CommandResult handle(
      SupersedeMemoryCommand command,
      EventHeaders headers,
      ContextDirectory contexts,
      MemoryDirectory directory)
      throws Exception {
    String newId = command.replacement().memoryId();
    if (command.memoryId().equals(newId)) {
      throw new InvalidCommandException("newMemoryId", "a memory cannot supersede itself");
    }
    Aggregate<Memory> old =
        memories.load(StreamIds.of(command.origin().tenantId(), command.memoryId()));
    // Refusals about the old memory come before any about the replacement's content.
    old.execute(
        memory -> {
          memory.standing().requireChangeable(command.origin(), directory);
          ExpectedVersion.require(command.memoryId(), command.expectedVersion());
        });
    // Stored first so that the superseded event names a memory that exists when it is read.
    Aggregate<Memory> replacement =
        memories.newInstance(
            () -> {
              Memory memory = new Memory();
              memory.store(command.replacement(), headers, contexts);
              return memory;
            });
    old.execute(
        memory -> memory.supersede(newId, command.reason(), command.origin(), headers, directory));
    return new CommandResult(newId, replacement.version());
  }
}

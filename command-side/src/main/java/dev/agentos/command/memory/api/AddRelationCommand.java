package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.memory.RelationType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Relates a memory to another one of the same tenant; the source memory owns the relation. */
public record AddRelationCommand(
    @TargetAggregateIdentifier String memoryId,
    String relationId,
    String toMemoryId,
    RelationType relationType,
    float strength,
    CommandOrigin origin) {}

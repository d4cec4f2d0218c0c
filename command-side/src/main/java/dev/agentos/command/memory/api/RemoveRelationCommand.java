package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes one of a memory's relations by its id. */
public record RemoveRelationCommand(
    @TargetAggregateIdentifier String memoryId,
    String relationId,
    String reason,
    CommandOrigin origin) {}

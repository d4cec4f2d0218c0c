package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forgets a memory at the caller's request; its history stays in the event store. */
public record DeleteMemoryCommand(
    @TargetAggregateIdentifier String memoryId,
    Long expectedVersion,
    String note,
    CommandOrigin origin) {}

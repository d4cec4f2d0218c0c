package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Forgets a memory at the caller's request; its history stays in the event store. */
public record DeleteMemoryCommand(
    @TargetAggregateIdentifier String memoryId,
    @TargetAggregateVersion Long expectedVersion,
    String note,
    CommandOrigin origin) {}

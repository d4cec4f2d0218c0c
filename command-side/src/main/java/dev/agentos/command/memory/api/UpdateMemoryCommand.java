package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes some fields of a memory.
 *
 * @param expectedVersion the version the caller last saw ({@code If-Match}); null skips the check
 */
public record UpdateMemoryCommand(
    @TargetAggregateIdentifier String memoryId,
    Long expectedVersion,
    MemoryPatch patch,
    CommandOrigin origin) {}

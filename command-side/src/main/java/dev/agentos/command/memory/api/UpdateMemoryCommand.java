package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes some fields of a memory.
 *
 * @param expectedVersion the version the caller last saw ({@code If-Match}); null skips the check
 */
public record UpdateMemoryCommand(
    @TargetAggregateIdentifier String memoryId,
    @TargetAggregateVersion Long expectedVersion,
    MemoryPatch patch,
    CommandOrigin origin) {}

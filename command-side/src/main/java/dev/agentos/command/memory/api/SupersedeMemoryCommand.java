package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;

/**
 * Stores {@code replacement} and marks {@code memoryId} as superseded by it, in one transaction.
 *
 * @param expectedVersion the old memory's version the caller last saw; null skips the check
 */
public record SupersedeMemoryCommand(
    String memoryId,
    Long expectedVersion,
    StoreMemoryCommand replacement,
    String reason,
    CommandOrigin origin) {}

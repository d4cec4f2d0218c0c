package dev.agentos.command.memory.api;

import dev.agentos.command.CommandOrigin;

/** Stores a new memory in a context of the origin's tenant, under the given id. */
public record StoreMemoryCommand(
    String memoryId, String contextId, MemoryContent content, CommandOrigin origin) {}

package dev.agentos.client.command;

import java.util.List;

/** The answer of a batch store: each memory's id and version, in the order sent. */
public record StoredMemories(List<CommandResult> memories) {}

package dev.agentos.command.memory;

import dev.agentos.command.CommandResult;
import java.util.List;

/** The answer to a batch store: each memory's id and version, in the order sent. */
public record StoredMemories(List<CommandResult> memories) {}

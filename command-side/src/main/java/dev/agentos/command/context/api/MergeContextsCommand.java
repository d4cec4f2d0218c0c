package dev.agentos.command.context.api;

import dev.agentos.command.CommandOrigin;
import java.util.List;

/** Merges open contexts of the origin's tenant into a new context {@code targetContextId}. */
public record MergeContextsCommand(
    String targetContextId, List<String> sourceContextIds, String name, CommandOrigin origin) {}

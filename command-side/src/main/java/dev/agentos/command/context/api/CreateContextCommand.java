package dev.agentos.command.context.api;

import dev.agentos.command.CommandOrigin;
import java.util.List;

/** Creates a context in the origin's tenant and project, under the given id. */
public record CreateContextCommand(
    String contextId,
    String name,
    String description,
    String parentContextId,
    List<String> tags,
    CommandOrigin origin) {}

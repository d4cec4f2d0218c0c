package dev.agentos.command.context.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes {@code contextId} the active context of a session of the origin's tenant. */
public record SwitchContextCommand(
    @TargetAggregateIdentifier String sessionId, String contextId, CommandOrigin origin) {}

package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the executor when a sandbox picked up a requested execution and started it. */
public record StartExecutionCommand(
    @TargetAggregateIdentifier String executionId,
    String sandboxId,
    String runtime,
    CommandOrigin origin) {}

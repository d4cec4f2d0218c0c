package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the executor when it killed a started run at its wall timeout. */
public record TimeOutExecutionCommand(
    @TargetAggregateIdentifier String executionId, RunReport report, CommandOrigin origin) {}

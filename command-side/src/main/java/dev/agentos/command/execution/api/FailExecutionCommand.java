package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the executor when the sandbox itself failed, before or during the run: the platform's
 * fault, which says nothing about the code.
 *
 * @param report what was measured before the failure; null when nothing ran
 */
public record FailExecutionCommand(
    @TargetAggregateIdentifier String executionId,
    String errorMessage,
    RunReport report,
    CommandOrigin origin) {}

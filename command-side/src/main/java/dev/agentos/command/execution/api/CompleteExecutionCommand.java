package dev.agentos.command.execution.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.executions.ExecutionOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the executor when a started run's process exited by itself.
 *
 * @param outcome SUCCEEDED or FAILED; timeouts and sandbox errors have their own commands
 */
public record CompleteExecutionCommand(
    @TargetAggregateIdentifier String executionId,
    ExecutionOutcome outcome,
    Integer exitCode,
    RunReport report,
    CommandOrigin origin) {}

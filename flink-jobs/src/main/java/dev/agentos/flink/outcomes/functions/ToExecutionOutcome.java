package dev.agentos.flink.outcomes.functions;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.flink.outcomes.ExecutionOutcome;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a completed execution into its {@link ExecutionOutcome}. A run succeeded when its process
 * exited with 0 and the wall timeout did not kill it; a missing exit code (killed, or never
 * started) is never a success.
 */
public final class ToExecutionOutcome implements MapFunction<ExecutionCompleted, ExecutionOutcome> {

  private static final long serialVersionUID = 1L;

  @Override
  public ExecutionOutcome map(ExecutionCompleted completed) {
    EventHeader header = completed.getHeader();
    Integer exitCode = completed.getExitCode();
    // timedOut is checked too: a runner may report the exit code of a process it killed.
    boolean succeeded = exitCode != null && exitCode == 0 && !completed.getTimedOut();
    return new ExecutionOutcome(
        header.getTenantId(),
        header.getProjectId(),
        header.getAgentId(),
        header.getSessionId(),
        completed.getExecutionId(),
        succeeded,
        completed.getDurationMs(),
        header.getOccurredAt().toEpochMilli());
  }
}

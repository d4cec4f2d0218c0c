package dev.agentos.command.execution;

/**
 * The answer to requesting an execution: it is recorded and waits for the sandbox executor; its
 * outcome arrives later as {@code ExecutionCompleted}, readable on the query side.
 *
 * @param status always {@code QUEUED}: nothing has run when this answer is given
 */
public record QueuedExecution(String id, long version, String status) {

  static QueuedExecution of(String id, long version) {
    return new QueuedExecution(id, version, "QUEUED");
  }
}

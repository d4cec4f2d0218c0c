package dev.agentos.readmodels.executions;

/**
 * Where an execution is: QUEUED once requested, RUNNING once a sandbox started it, then how it
 * ended (the {@code ExecutionCompleted} outcome). SANDBOX_ERROR is the platform's failure, not the
 * code's.
 */
public enum ExecutionStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  LIMIT_EXCEEDED,
  SANDBOX_ERROR;

  /** Whether the execution has ended, whichever way. */
  public boolean ended() {
    return this != QUEUED && this != RUNNING;
  }
}

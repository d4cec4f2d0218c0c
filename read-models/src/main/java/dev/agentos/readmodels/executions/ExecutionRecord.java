package dev.agentos.readmodels.executions;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@value ExecutionSchema#EXECUTIONS}: an execution's key and the part each lifecycle
 * event wrote, null until that event is projected. The parts are disjoint column groups, so they
 * land in any order and the row ends the same; {@link #toExecution} reads the status from which
 * parts are there, not from the order they came in.
 */
public record ExecutionRecord(
    String tenantId,
    String projectId,
    String executionId,
    Requested requested,
    Started started,
    Completed completed) {

  /** What {@code ExecutionRequested} writes; environmentNames holds names only, never values. */
  public record Requested(
      String eventId,
      Instant at,
      String sessionId,
      String agentId,
      String suggestionId,
      String language,
      String languageVersion,
      List<String> environmentNames,
      Execution.Limits limits) {
    public Requested {
      environmentNames = List.copyOf(environmentNames);
    }
  }

  /** What {@code ExecutionStarted} writes. */
  public record Started(
      String eventId, Instant at, String sandboxId, String runtime, long queuedMs) {}

  /**
   * What {@code ExecutionCompleted} writes; the excerpts and message as the projection cut them.
   */
  public record Completed(
      String eventId,
      Instant at,
      ExecutionStatus outcome,
      Integer exitCode,
      boolean timedOut,
      long durationMs,
      long cpuTimeMs,
      long peakMemoryBytes,
      String stdoutExcerpt,
      String stderrExcerpt,
      boolean outputTruncated,
      String errorMessage) {
    public Completed {
      if (!outcome.ended()) {
        throw new IllegalArgumentException("a completion ends the execution, was " + outcome);
      }
    }
  }

  /** Whether any event of the execution has been projected. */
  public boolean known() {
    return requested != null || started != null || completed != null;
  }

  /** The completion's outcome once known, else RUNNING once started, else QUEUED. */
  public ExecutionStatus status() {
    if (completed != null) {
      return completed.outcome();
    }
    return started != null ? ExecutionStatus.RUNNING : ExecutionStatus.QUEUED;
  }

  public Execution toExecution() {
    Requested r = requested;
    Started s = started;
    Completed c = completed;
    return new Execution(
        executionId,
        tenantId,
        projectId,
        r == null ? null : r.sessionId(),
        r == null ? null : r.agentId(),
        status(),
        r == null ? null : r.language(),
        r == null ? null : r.languageVersion(),
        s == null ? null : s.runtime(),
        s == null ? null : s.sandboxId(),
        r == null ? null : r.suggestionId(),
        r == null ? null : r.at(),
        s == null ? null : s.at(),
        c == null ? null : c.at(),
        s == null ? null : s.queuedMs(),
        c == null ? null : c.exitCode(),
        c == null ? null : c.timedOut(),
        c == null ? null : c.durationMs(),
        c == null ? null : c.cpuTimeMs(),
        c == null ? null : c.peakMemoryBytes(),
        c == null ? null : c.stdoutExcerpt(),
        c == null ? null : c.stderrExcerpt(),
        c == null ? null : c.outputTruncated(),
        c == null ? null : c.errorMessage(),
        r == null ? null : r.environmentNames(),
        r == null ? null : r.limits());
  }
}

package dev.agentos.projections.executions;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.readmodels.executions.Execution;
import dev.agentos.readmodels.executions.ExecutionRecord;
import dev.agentos.readmodels.executions.ExecutionStatus;
import dev.agentos.readmodels.suggestions.SuggestionRecord;
import dev.agentos.readmodels.suggestions.VerificationStatus;
import java.util.List;

/**
 * The write of each event the executions and suggestions read models are made of: a function of the
 * event alone (its key, its part, its write time), so a redelivery writes the same cells, with its
 * free text cut to {@link Bounds}. An execution request's environment is kept as its variable
 * names, sorted; its values are never read.
 */
public final class ExecutionRows {

  private ExecutionRows() {}

  public static ExecutionWrite of(ExecutionRequested e) {
    EventHeader h = e.getHeader();
    ExecutionLimits l = e.getLimits();
    List<String> names = e.getEnvironment().keySet().stream().sorted().toList();
    return new ExecutionWrite.Requested(
        key(h, e.getExecutionId()),
        new ExecutionRecord.Requested(
            h.getEventId(),
            h.getOccurredAt(),
            h.getSessionId(),
            h.getAgentId(),
            e.getSuggestionId(),
            Bounds.cut(e.getLanguage(), Bounds.NAME),
            Bounds.cut(e.getLanguageVersion(), Bounds.NAME),
            Bounds.names(names, Bounds.ENVIRONMENT_NAMES),
            new Execution.Limits(
                l.getCpuTimeMs(),
                l.getMemoryBytes(),
                l.getWallTimeoutMs(),
                l.getMaxOutputBytes(),
                l.getNetworkAllowed())),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(ExecutionStarted e) {
    EventHeader h = e.getHeader();
    return new ExecutionWrite.Started(
        key(h, e.getExecutionId()),
        new ExecutionRecord.Started(
            h.getEventId(),
            h.getOccurredAt(),
            Bounds.cut(e.getSandboxId(), Bounds.NAME),
            Bounds.cut(e.getRuntime(), Bounds.NAME),
            e.getQueuedMs()),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(ExecutionCompleted e) {
    EventHeader h = e.getHeader();
    String out = e.getStdoutExcerpt();
    String err = e.getStderrExcerpt();
    boolean cut = Bounds.cuts(out, Bounds.EXCERPT) || Bounds.cuts(err, Bounds.EXCERPT);
    return new ExecutionWrite.Completed(
        key(h, e.getExecutionId()),
        new ExecutionRecord.Completed(
            h.getEventId(),
            h.getOccurredAt(),
            ExecutionStatus.valueOf(e.getOutcome().name()),
            e.getExitCode(),
            e.getTimedOut(),
            e.getDurationMs(),
            e.getCpuTimeMs(),
            e.getPeakMemoryBytes(),
            Bounds.cut(out, Bounds.EXCERPT),
            Bounds.cut(err, Bounds.EXCERPT),
            e.getOutputTruncated() || cut,
            Bounds.cut(e.getErrorMessage(), Bounds.MESSAGE)),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(CodeSuggestionProposed e) {
    EventHeader h = e.getHeader();
    return new ExecutionWrite.Proposed(
        key(h, e.getSuggestionId()),
        new SuggestionRecord.Proposed(
            h.getEventId(),
            h.getOccurredAt(),
            h.getSessionId(),
            h.getAgentId(),
            e.getTurnId(),
            Bounds.cut(e.getLanguage(), Bounds.NAME),
            Bounds.cut(e.getFilePath(), Bounds.NAME),
            e.getFormat(),
            Bounds.cut(e.getCode(), Bounds.CODE),
            Bounds.cuts(e.getCode(), Bounds.CODE),
            Bounds.cut(e.getRationale(), Bounds.MESSAGE),
            e.getConfidence()),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(SuggestionOutcomeRecorded e) {
    EventHeader h = e.getHeader();
    return new ExecutionWrite.OutcomeRecorded(
        key(h, e.getSuggestionId()),
        new SuggestionRecord.OutcomeRecorded(
            h.getEventId(),
            h.getOccurredAt(),
            e.getOutcome(),
            Bounds.cut(e.getReason(), Bounds.MESSAGE),
            Bounds.cut(e.getEditedCode(), Bounds.CODE),
            Bounds.cuts(e.getEditedCode(), Bounds.CODE)),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(VerificationRequested e) {
    EventHeader h = e.getHeader();
    return new ExecutionWrite.VerificationAsked(
        key(h, e.getSuggestionId()),
        e.getVerificationId(),
        new SuggestionRecord.VerificationAsked(
            h.getEventId(),
            h.getOccurredAt(),
            e.getExecutionId(),
            Bounds.cut(e.getTestCommand(), Bounds.MESSAGE),
            Bounds.cut(e.getTestFramework(), Bounds.NAME)),
        ExecutionWriteTime.of(h));
  }

  public static ExecutionWrite of(VerificationCompleted e) {
    EventHeader h = e.getHeader();
    List<String> passed = e.getPassedTestNames();
    List<String> failed = e.getFailedTestNames();
    return new ExecutionWrite.VerificationDone(
        key(h, e.getSuggestionId()),
        e.getVerificationId(),
        new SuggestionRecord.VerificationDone(
            h.getEventId(),
            h.getOccurredAt(),
            e.getExecutionId(),
            VerificationStatus.valueOf(e.getVerdict().name()),
            e.getTestsRun(),
            e.getPassed(),
            e.getFailed(),
            e.getSkipped(),
            Bounds.names(passed, Bounds.TEST_NAMES),
            Bounds.names(failed, Bounds.TEST_NAMES),
            Bounds.cuts(passed, Bounds.TEST_NAMES) || Bounds.cuts(failed, Bounds.TEST_NAMES)),
        ExecutionWriteTime.of(h));
  }

  private static ExecutionWrite.Key key(EventHeader h, String id) {
    return new ExecutionWrite.Key(h.getTenantId(), h.getProjectId(), id);
  }
}

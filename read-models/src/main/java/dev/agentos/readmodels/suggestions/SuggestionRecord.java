package dev.agentos.readmodels.suggestions;

import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A partition of {@code suggestions_by_id}: a suggestion's key, the part each of its events wrote
 * (null until projected) and its verifications. The parts are disjoint column groups, so they land
 * in any order and the partition ends the same; {@link #toSuggestion} orders the verifications by
 * their own times, not by the order they came in.
 */
public record SuggestionRecord(
    String tenantId,
    String projectId,
    String suggestionId,
    Proposed proposed,
    OutcomeRecorded outcome,
    List<VerificationRecord> verifications) {

  /** What {@code CodeSuggestionProposed} writes, the code as the projection cut it. */
  public record Proposed(
      String eventId,
      Instant at,
      String sessionId,
      String agentId,
      String turnId,
      String language,
      String filePath,
      SuggestionFormat format,
      String code,
      boolean codeTruncated,
      String rationale,
      Float confidence) {}

  /** What {@code SuggestionOutcomeRecorded} writes. */
  public record OutcomeRecorded(
      String eventId,
      Instant at,
      SuggestionOutcome outcome,
      String reason,
      String editedCode,
      boolean editedCodeTruncated) {}

  /** A verification's row: what its request and its result wrote, each null until projected. */
  public record VerificationRecord(
      String verificationId, VerificationAsked requested, VerificationDone completed) {

    Verification toVerification() {
      VerificationAsked r = requested;
      VerificationDone c = completed;
      return new Verification(
          verificationId,
          c == null ? VerificationStatus.REQUESTED : c.verdict(),
          r != null ? r.executionId() : c.executionId(),
          r == null ? null : r.testCommand(),
          r == null ? null : r.testFramework(),
          r == null ? null : r.at(),
          c == null ? null : c.at(),
          c == null ? null : c.testsRun(),
          c == null ? null : c.passed(),
          c == null ? null : c.failed(),
          c == null ? null : c.skipped(),
          c == null ? null : c.passedTestNames(),
          c == null ? null : c.failedTestNames(),
          c == null ? null : c.testNamesTruncated());
    }

    /** When it happened: its request, else its result. */
    Instant at() {
      return requested != null ? requested.at() : completed.at();
    }
  }

  /** What {@code VerificationRequested} writes. */
  public record VerificationAsked(
      String eventId, Instant at, String executionId, String testCommand, String testFramework) {}

  /** What {@code VerificationCompleted} writes, the name lists as the projection cut them. */
  public record VerificationDone(
      String eventId,
      Instant at,
      String executionId,
      VerificationStatus verdict,
      int testsRun,
      int passed,
      int failed,
      int skipped,
      List<String> passedTestNames,
      List<String> failedTestNames,
      boolean testNamesTruncated) {
    public VerificationDone {
      if (verdict == VerificationStatus.REQUESTED) {
        throw new IllegalArgumentException("a verification's result is a verdict, not REQUESTED");
      }
      passedTestNames = List.copyOf(passedTestNames);
      failedTestNames = List.copyOf(failedTestNames);
    }
  }

  private static final Comparator<VerificationRecord> OLDEST_FIRST =
      Comparator.comparing(VerificationRecord::at)
          .thenComparing(VerificationRecord::verificationId);

  public SuggestionRecord {
    verifications =
        verifications.stream()
            .filter(v -> v.requested() != null || v.completed() != null)
            .sorted(OLDEST_FIRST)
            .toList();
  }

  /** Whether any event of the suggestion has been projected. */
  public boolean known() {
    return proposed != null || outcome != null || !verifications.isEmpty();
  }

  public Suggestion toSuggestion() {
    Proposed p = proposed;
    return new Suggestion(
        suggestionId,
        tenantId,
        projectId,
        p == null ? null : p.sessionId(),
        p == null ? null : p.agentId(),
        p == null ? null : p.turnId(),
        p == null ? null : p.language(),
        p == null ? null : p.filePath(),
        p == null ? null : p.format(),
        p == null ? null : p.code(),
        p == null ? null : p.codeTruncated(),
        p == null ? null : p.rationale(),
        p == null ? null : p.confidence(),
        p == null ? null : p.at(),
        outcome == null
            ? null
            : new Suggestion.Outcome(
                outcome.outcome(),
                outcome.reason(),
                outcome.editedCode(),
                outcome.editedCodeTruncated(),
                outcome.at()),
        verifications.stream().map(VerificationRecord::toVerification).toList());
  }
}

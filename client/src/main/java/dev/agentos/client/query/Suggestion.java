package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * A code suggestion with what was done with it and its verifications ({@code GET
 * /v1/suggestions/{id}}).
 *
 * @param format {@code UNIFIED_DIFF}, {@code FULL_FILE} or {@code SNIPPET}
 * @param outcome null until recorded
 * @param verifications oldest request first
 */
public record Suggestion(
    String suggestionId,
    String projectId,
    String sessionId,
    String agentId,
    String turnId,
    String language,
    String filePath,
    String format,
    String code,
    Boolean codeTruncated,
    String rationale,
    Float confidence,
    Instant proposedAt,
    Outcome outcome,
    List<Verification> verifications) {

  /**
   * @param outcome {@code ACCEPTED}, {@code REJECTED} or {@code EDITED}
   */
  public record Outcome(
      String outcome,
      String reason,
      String editedCode,
      Boolean editedCodeTruncated,
      Instant recordedAt) {}

  /**
   * One run of the suggestion's tests.
   *
   * @param status {@code REQUESTED} until the tests ran, then {@code PASSED}, {@code FAILED} or
   *     {@code ERROR} (they could not run: says nothing of the suggestion)
   * @param executionId the execution running the tests
   */
  public record Verification(
      String verificationId,
      String status,
      String executionId,
      String testCommand,
      String testFramework,
      Instant requestedAt,
      Instant completedAt,
      Integer testsRun,
      Integer passed,
      Integer failed,
      Integer skipped,
      List<String> passedTestNames,
      List<String> failedTestNames,
      Boolean testNamesTruncated) {}
}

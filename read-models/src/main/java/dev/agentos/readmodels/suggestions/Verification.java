package dev.agentos.readmodels.suggestions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One verification of a suggestion: the tests asked for ({@code VerificationRequested}) and what
 * they found ({@code VerificationCompleted}); a field of an event not projected yet is null.
 */
public record Verification(
    String verificationId,
    @Schema(description = "REQUESTED until the tests ran, then PASSED, FAILED or ERROR")
        VerificationStatus status,
    @Schema(description = "the execution that runs the tests: GET /v1/executions/{id}")
        String executionId,
    @Schema(description = "the command that runs the tests, e.g. pytest -q") String testCommand,
    @Schema(description = "the framework whose report is read, e.g. pytest; null to infer")
        String testFramework,
    Instant requestedAt,
    Instant completedAt,
    Integer testsRun,
    Integer passed,
    @Schema(description = "tests that failed or errored") Integer failed,
    Integer skipped,
    @Schema(description = "the names of the tests that passed, as the report gives them")
        List<String> passedTestNames,
    @Schema(description = "the names of the tests that failed, as the report gives them")
        List<String> failedTestNames,
    @Schema(description = "true when a list of names was cut short of the report's")
        Boolean testNamesTruncated) {

  public Verification {
    passedTestNames = passedTestNames == null ? null : List.copyOf(passedTestNames);
    failedTestNames = failedTestNames == null ? null : List.copyOf(failedTestNames);
  }
}

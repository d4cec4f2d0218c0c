package dev.agentos.command.executor;

import static dev.agentos.command.FieldLimits.TESTS;
import static dev.agentos.command.FieldLimits.TEST_NAME;

import dev.agentos.command.suggestion.api.TestCase;
import dev.agentos.command.web.ItemId;
import dev.agentos.events.executions.VerificationVerdict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /v1/verifications/{id}/complete}.
 *
 * @param executionId the execution that ran the tests; it must have ended
 * @param tests every test the runner reported, in its order; empty when none ran
 */
public record CompleteVerificationRequest(
    @NotBlank @ItemId String executionId,
    @NotNull VerificationVerdict verdict,
    @NotNull @Size(max = TESTS) List<@NotNull @Valid Test> tests) {

  /** One test as the runner reported it. */
  public record Test(
      @NotBlank @Size(max = TEST_NAME) String name, @NotNull TestCase.Result result) {}

  List<TestCase> testCases() {
    return tests.stream().map(test -> new TestCase(test.name(), test.result())).toList();
  }
}

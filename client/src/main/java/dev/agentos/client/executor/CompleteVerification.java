package dev.agentos.client.executor;

import java.util.List;

/**
 * The result of a suggestion's tests.
 *
 * @param executionId the execution that ran them; it must have ended
 * @param verdict PASSED, FAILED or ERROR
 * @param tests every test the runner reported, in its order
 */
public record CompleteVerification(String executionId, String verdict, List<TestOutcome> tests) {

  /**
   * @param result PASSED, FAILED, SKIPPED or ERROR
   */
  public record TestOutcome(String name, String result) {}
}

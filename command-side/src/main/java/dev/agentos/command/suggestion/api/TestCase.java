package dev.agentos.command.suggestion.api;

/**
 * One test of a verification and how it ended.
 *
 * @param name the test's name as its runner reports it, e.g. {@code test_calc.py::test_add}
 */
public record TestCase(String name, Result result) {

  /** ERROR counts as failed: the test could not run to its end. */
  public enum Result {
    PASSED,
    FAILED,
    SKIPPED,
    ERROR
  }
}

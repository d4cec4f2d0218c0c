package dev.agentos.executor.verification;

/** How one test ended, as its runner reported it. */
public enum TestStatus {
  PASSED,
  /** An assertion failed. */
  FAILED,
  /** Not run: skipped, ignored, an expected failure (pytest's xfail) or a to-do (node's todo). */
  SKIPPED,
  /**
   * It could not run to an assertion: an exception in its setup, a module that does not import, a
   * package that does not build. The code under test is at fault as much as with a failure.
   */
  ERROR;

  /** Whether the test speaks against the code: it failed or errored. */
  public boolean failing() {
    return this == FAILED || this == ERROR;
  }
}

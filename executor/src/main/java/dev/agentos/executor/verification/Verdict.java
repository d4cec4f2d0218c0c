package dev.agentos.executor.verification;

/** What a verification concluded about the code it tested. */
public enum Verdict {
  /** Every test that ran passed, and at least one ran. */
  PASSED,
  /** At least one test failed or errored. */
  FAILED,
  /**
   * The tests could not be run or their report read: the runner is missing, the run hit a limit, no
   * test ran. Says nothing about the code.
   */
  ERROR
}

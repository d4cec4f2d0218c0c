package dev.agentos.readmodels.suggestions;

/**
 * Where a verification is: REQUESTED until its result is projected, then the verdict. ERROR means
 * the tests could not be run or read, which says nothing of the suggestion.
 */
public enum VerificationStatus {
  REQUESTED,
  PASSED,
  FAILED,
  ERROR
}

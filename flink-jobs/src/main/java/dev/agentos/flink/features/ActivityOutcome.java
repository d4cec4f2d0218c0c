package dev.agentos.flink.features;

/**
 * How an {@link Activity} ended, in the features' own terms, so the windows never see an Avro enum
 * (Flink would have to learn it) and each feature reads one vocabulary.
 */
public enum ActivityOutcome {
  /** A tool call or run that worked; a verification whose verdict was PASSED. */
  SUCCEEDED,
  /** A tool call that failed or timed out; a run that failed; a verification that FAILED. */
  FAILED,
  /** A tool call the agent or user cancelled: says nothing about the tool. */
  CANCELLED,
  /** The platform failed (sandbox error, tests not runnable): says nothing about the agent. */
  ERROR,
  /** A suggestion applied as proposed. */
  ACCEPTED,
  /** A suggestion applied after the user edited it. */
  EDITED,
  /** A suggestion not applied. */
  REJECTED
}

package dev.agentos.flink.patterns.success;

/**
 * Which canonical event a {@link SuccessInput} was mapped from. The order is the order of inputs of
 * the same millisecond: a tool call comes before the proposal it led to, a proposal before its
 * verdict.
 */
public enum SuccessInputKind {
  TOOL_CALL,
  PROPOSAL,
  VERDICT
}

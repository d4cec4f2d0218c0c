package dev.agentos.flink.features;

/** Which canonical event an {@link Activity} was mapped from. */
public enum ActivityKind {
  /** {@code ConversationTurnRecorded}: carries the turn's tokens. */
  TURN,
  /** {@code ToolCallRecorded}: an action of the agent, with its tool, result and duration. */
  TOOL_CALL,
  /** {@code CodeSuggestionProposed}: carries the file the change applies to. */
  SUGGESTION_PROPOSED,
  /** {@code SuggestionOutcomeRecorded}: what was done with a suggestion. */
  SUGGESTION_OUTCOME,
  /** {@code ExecutionRequested}: an action of the agent, with the hash of what it runs. */
  EXECUTION_REQUESTED,
  /** {@code ExecutionCompleted}: how a run ended and how long it took. */
  EXECUTION_COMPLETED,
  /** {@code VerificationCompleted}: the verdict on a suggestion and its test counts. */
  VERIFICATION_COMPLETED;

  /** Whether the agent did something here: the actions whose start of a session is scored. */
  public boolean isAction() {
    return this == TOOL_CALL || this == EXECUTION_REQUESTED;
  }
}

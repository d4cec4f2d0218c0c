package dev.agentos.projections.executions;

import dev.agentos.readmodels.executions.ExecutionRecord;
import dev.agentos.readmodels.suggestions.SuggestionRecord;

/**
 * What the executions projection writes of one event: the part of an execution's row or of a
 * suggestion's partition that event owns, at the event's {@link ExecutionWriteTime}. No two kinds
 * of event write the same columns, so the parts land in any order.
 */
public sealed interface ExecutionWrite {

  /** The execution's or suggestion's key: the partition written. */
  Key key();

  /** The Cassandra write timestamp of every cell written. */
  long writeTime();

  /** What {@link ExecutionWrite} writes to, for a dead letter's reason. */
  default String describe() {
    return getClass().getSimpleName() + " of " + key().id() + " in " + key().projectId();
  }

  /** An execution's or a suggestion's partition key. */
  record Key(String tenantId, String projectId, String id) {}

  record Requested(Key key, ExecutionRecord.Requested part, long writeTime)
      implements ExecutionWrite {}

  record Started(Key key, ExecutionRecord.Started part, long writeTime) implements ExecutionWrite {}

  record Completed(Key key, ExecutionRecord.Completed part, long writeTime)
      implements ExecutionWrite {}

  record Proposed(Key key, SuggestionRecord.Proposed part, long writeTime)
      implements ExecutionWrite {}

  record OutcomeRecorded(Key key, SuggestionRecord.OutcomeRecorded part, long writeTime)
      implements ExecutionWrite {}

  /** A verification's request, in its suggestion's partition. */
  record VerificationAsked(
      Key key, String verificationId, SuggestionRecord.VerificationAsked part, long writeTime)
      implements ExecutionWrite {}

  /** A verification's result, in its suggestion's partition. */
  record VerificationDone(
      Key key, String verificationId, SuggestionRecord.VerificationDone part, long writeTime)
      implements ExecutionWrite {}
}

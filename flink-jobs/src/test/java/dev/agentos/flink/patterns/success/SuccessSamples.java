package dev.agentos.flink.patterns.success;

import dev.agentos.flink.io.SourcePosition;

/** Inputs of the success pattern job's steps, for its tests. */
final class SuccessSamples {

  static final long HOUR = EventTimeOrdered.HOUR;

  /** The start of an hour. */
  static final long T0 = 1_000 * HOUR;

  private SuccessSamples() {}

  static SuccessInput toolCall(String eventId, String session, String tool, long time) {
    return new SuccessInput(
        SuccessInputKind.TOOL_CALL,
        eventId,
        "tenant-1",
        "project-1",
        "agent-1",
        session,
        null,
        tool,
        null,
        null,
        null,
        false,
        null,
        time,
        position(time));
  }

  static SuccessInput proposal(String suggestionId, String session, long time) {
    return new SuccessInput(
        SuccessInputKind.PROPOSAL,
        "proposal-" + suggestionId,
        "tenant-1",
        "project-1",
        "agent-1",
        session,
        suggestionId,
        null,
        "python",
        "UNIFIED_DIFF",
        "src/app.py",
        false,
        null,
        time,
        position(time));
  }

  static SuccessInput verdict(String eventId, String suggestionId, boolean passed, long time) {
    return new SuccessInput(
        SuccessInputKind.VERDICT,
        eventId,
        "tenant-1",
        "project-1",
        "agent-1",
        "session-x",
        suggestionId,
        null,
        null,
        null,
        null,
        passed,
        null,
        time,
        position(time));
  }

  static SignatureTry attempt(String suggestionId, String language, boolean passed, long time) {
    return new SignatureTry(
        "p-1",
        "tenant-1",
        "project-1",
        "agent-" + suggestionId,
        "session-" + suggestionId,
        "kind:UNIFIED_DIFF:file",
        language,
        suggestionId,
        "proposal-" + suggestionId,
        suggestionId + " src/app.py: verification " + (passed ? "passed" : "failed"),
        passed,
        time,
        position(time));
  }

  private static SourcePosition position(long time) {
    return new SourcePosition("agentos.interactions.v1", 0, time);
  }
}

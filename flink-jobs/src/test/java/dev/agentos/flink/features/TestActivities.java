package dev.agentos.flink.features;

import dev.agentos.flink.io.SourcePosition;
import java.time.Instant;

/**
 * Activities of one tenant, project and agent for tests, each at its own Kafka offset (so each is a
 * distinct record to the duration sample), with times given as minutes after {@link #T0}.
 */
final class TestActivities {

  /** An hour boundary, so the windows' ends are round. */
  static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  private final String tenant;
  private final String project;
  private final String agent;
  private long offset;

  TestActivities(String tenant, String project, String agent) {
    this(tenant, project, agent, 0L);
  }

  /** Offsets from {@code firstOffset}, so two fixtures can write distinct records. */
  TestActivities(String tenant, String project, String agent, long firstOffset) {
    this.tenant = tenant;
    this.project = project;
    this.agent = agent;
    this.offset = firstOffset;
  }

  static long at(double minutes) {
    return T0.toEpochMilli() + Math.round(minutes * 60_000);
  }

  Activity turn(String session, double minutes, int input, int output) {
    return start(session, minutes, ActivityKind.TURN).tokens(input, output).build();
  }

  Activity toolCall(
      String session, double minutes, String tool, ActivityOutcome outcome, long command) {
    return start(session, minutes, ActivityKind.TOOL_CALL)
        .toolName(tool)
        .outcome(outcome)
        .durationMs(100)
        .command(command, false)
        .build();
  }

  Activity testToolCall(String session, double minutes, long command) {
    return start(session, minutes, ActivityKind.TOOL_CALL)
        .toolName("bash")
        .outcome(ActivityOutcome.SUCCEEDED)
        .durationMs(100)
        .command(command, true)
        .build();
  }

  Activity requested(String session, double minutes, long command, boolean runsTests) {
    return start(session, minutes, ActivityKind.EXECUTION_REQUESTED)
        .command(command, runsTests)
        .build();
  }

  Activity completed(String session, double minutes, ActivityOutcome outcome, long durationMs) {
    return start(session, minutes, ActivityKind.EXECUTION_COMPLETED)
        .outcome(outcome)
        .durationMs(durationMs)
        .build();
  }

  Activity proposed(String session, double minutes, String suggestion, String file) {
    return start(session, minutes, ActivityKind.SUGGESTION_PROPOSED)
        .suggestionId(suggestion)
        .filePath(file)
        .build();
  }

  Activity outcome(String session, double minutes, String suggestion, ActivityOutcome outcome) {
    return start(session, minutes, ActivityKind.SUGGESTION_OUTCOME)
        .suggestionId(suggestion)
        .outcome(outcome)
        .build();
  }

  Activity verified(
      String session,
      double minutes,
      String suggestion,
      ActivityOutcome verdict,
      int passed,
      int failed) {
    return start(session, minutes, ActivityKind.VERIFICATION_COMPLETED)
        .suggestionId(suggestion)
        .outcome(verdict)
        .tests(passed, failed)
        .build();
  }

  private Activity.Builder start(String session, double minutes, ActivityKind kind) {
    SourcePosition position = new SourcePosition("events", 0, offset++);
    return Activity.builder(position, at(minutes), tenant, project, agent, session, kind);
  }
}

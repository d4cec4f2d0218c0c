package dev.agentos.flink.prediction;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.ActivityKind;
import dev.agentos.flink.features.ActivityOutcome;
import dev.agentos.flink.io.SourcePosition;

/** One agent's activities for tests, each at its own offset, times in minutes after {@link #T0}. */
final class AgentActivities {

  static final long T0 = 1_000 * 3_600_000L;

  private final String tenant;
  private final String agent;
  private long offset;

  AgentActivities(String tenant, String agent) {
    this.tenant = tenant;
    this.agent = agent;
  }

  static long at(double minutes) {
    return T0 + Math.round(minutes * 60_000);
  }

  Activity testCall(String session, double minutes) {
    return start(session, minutes, ActivityKind.TOOL_CALL)
        .toolName("bash")
        .outcome(ActivityOutcome.SUCCEEDED)
        .command(1, true)
        .build();
  }

  Activity toolCall(String session, double minutes, ActivityOutcome outcome) {
    return start(session, minutes, ActivityKind.TOOL_CALL)
        .toolName("edit")
        .outcome(outcome)
        .command(2, false)
        .build();
  }

  Activity requested(String session, double minutes, String execution, long command) {
    return start(session, minutes, ActivityKind.EXECUTION_REQUESTED)
        .executionId(execution)
        .language("python")
        .command(command, false)
        .build();
  }

  Activity completed(String session, double minutes, String execution, ActivityOutcome outcome) {
    return start(session, minutes, ActivityKind.EXECUTION_COMPLETED)
        .executionId(execution)
        .outcome(outcome)
        .build();
  }

  Activity proposed(String session, double minutes, String suggestion, String file) {
    return start(session, minutes, ActivityKind.SUGGESTION_PROPOSED)
        .suggestionId(suggestion)
        .filePath(file)
        .language("python")
        .proposal(0.8, 12)
        .build();
  }

  Activity verified(String session, double minutes, String suggestion, ActivityOutcome verdict) {
    return start(session, minutes, ActivityKind.VERIFICATION_COMPLETED)
        .suggestionId(suggestion)
        .outcome(verdict)
        .build();
  }

  private Activity.Builder start(String session, double minutes, ActivityKind kind) {
    SourcePosition position = new SourcePosition("events", 0, offset++);
    return Activity.builder(position, at(minutes), tenant, "web", agent, session, kind);
  }
}

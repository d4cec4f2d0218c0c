package dev.agentos.flink.features;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.topics.EventKeys;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Maps the canonical interaction and execution events to the {@link Activity} features count. */
public final class Activities {

  private Activities() {}

  /**
   * The activities of {@code event}, read at {@code position}: one for each event a feature uses,
   * none for the others (a started run, a requested verification, anything of another topic).
   */
  public static List<Activity> of(SpecificRecord event, SourcePosition position) {
    if (event instanceof ConversationTurnRecorded e) {
      return List.of(turn(e, position));
    }
    if (event instanceof ToolCallRecorded e) {
      return List.of(toolCall(e, position));
    }
    if (event instanceof CodeSuggestionProposed e) {
      return List.of(
          start(e, position, ActivityKind.SUGGESTION_PROPOSED)
              .suggestionId(e.getSuggestionId())
              .filePath(e.getFilePath())
              .language(e.getLanguage())
              .proposal(
                  e.getConfidence() == null ? Double.NaN : e.getConfidence(),
                  lineCount(e.getCode()))
              .build());
    }
    if (event instanceof SuggestionOutcomeRecorded e) {
      return List.of(
          start(e, position, ActivityKind.SUGGESTION_OUTCOME)
              .suggestionId(e.getSuggestionId())
              .outcome(ActivityOutcome.valueOf(e.getOutcome().name()))
              .build());
    }
    if (event instanceof ExecutionRequested e) {
      return List.of(executionRequested(e, position));
    }
    if (event instanceof ExecutionCompleted e) {
      return List.of(executionCompleted(e, position));
    }
    if (event instanceof VerificationCompleted e) {
      return List.of(verification(e, position));
    }
    return List.of();
  }

  private static Activity turn(ConversationTurnRecorded turn, SourcePosition position) {
    return start(turn, position, ActivityKind.TURN)
        .tokens(orZero(turn.getInputTokens()), orZero(turn.getOutputTokens()))
        .build();
  }

  private static Activity toolCall(ToolCallRecorded call, SourcePosition position) {
    ActivityOutcome outcome =
        switch (call.getStatus()) {
          case SUCCEEDED -> ActivityOutcome.SUCCEEDED;
          case FAILED, TIMED_OUT -> ActivityOutcome.FAILED;
          case CANCELLED -> ActivityOutcome.CANCELLED;
        };
    String arguments = call.getArgumentsJson();
    return start(call, position, ActivityKind.TOOL_CALL)
        .toolName(call.getToolName())
        .outcome(outcome)
        .durationMs(call.getDurationMs())
        .command(
            ActivityCommands.hash(call.getToolName(), arguments),
            ActivityCommands.runsTests(arguments))
        .build();
  }

  /**
   * A run is identified by its language and its command line, or its code when it has no command
   * (the language's default runner runs the code). Its working-directory files are not hashed: the
   * same command over edited files is the retry the feature looks for.
   */
  private static Activity executionRequested(ExecutionRequested request, SourcePosition position) {
    String command = request.getCommand();
    String ran = command != null ? command : request.getCode();
    return start(request, position, ActivityKind.EXECUTION_REQUESTED)
        .executionId(request.getExecutionId())
        .suggestionId(request.getSuggestionId())
        .language(request.getLanguage())
        .command(
            ActivityCommands.hash(request.getLanguage(), command != null ? "command" : "code", ran),
            ActivityCommands.runsTests(command))
        .build();
  }

  /**
   * Succeeded when it exited 0 within its wall timeout (the exit code, not the reported outcome); a
   * SANDBOX_ERROR is the platform's failure, not the agent's, so it is an {@code ERROR}.
   */
  private static Activity executionCompleted(
      ExecutionCompleted completed, SourcePosition position) {
    Integer exitCode = completed.getExitCode();
    ActivityOutcome outcome;
    if (completed.getOutcome() == ExecutionOutcome.SANDBOX_ERROR) {
      outcome = ActivityOutcome.ERROR;
    } else if (exitCode != null && exitCode == 0 && !completed.getTimedOut()) {
      outcome = ActivityOutcome.SUCCEEDED;
    } else {
      outcome = ActivityOutcome.FAILED;
    }
    return start(completed, position, ActivityKind.EXECUTION_COMPLETED)
        .executionId(completed.getExecutionId())
        .outcome(outcome)
        .durationMs(completed.getDurationMs())
        .build();
  }

  private static Activity verification(
      VerificationCompleted verification, SourcePosition position) {
    ActivityOutcome outcome =
        switch (verification.getVerdict()) {
          case PASSED -> ActivityOutcome.SUCCEEDED;
          case FAILED -> ActivityOutcome.FAILED;
          case ERROR -> ActivityOutcome.ERROR;
        };
    return start(verification, position, ActivityKind.VERIFICATION_COMPLETED)
        .suggestionId(verification.getSuggestionId())
        .executionId(verification.getExecutionId())
        .outcome(outcome)
        .tests(verification.getPassed(), verification.getFailed())
        .build();
  }

  private static Activity.Builder start(
      SpecificRecord event, SourcePosition position, ActivityKind kind) {
    EventHeader header = EventKeys.headerOf(event);
    String session = header.getSessionId();
    return Activity.builder(
        position,
        header.getOccurredAt().toEpochMilli(),
        header.getTenantId(),
        header.getProjectId(),
        header.getAgentId(),
        session == null || session.isEmpty() ? null : session,
        kind);
  }

  private static int lineCount(String code) {
    return code.isEmpty() ? 0 : (int) code.lines().count();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}

package dev.agentos.flink.prediction;

import static dev.agentos.flink.prediction.RequestFeatures.*;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.FeatureAccumulator;

/** Fills {@link RequestFeatures} for one request from its session's and agent's history so far. */
final class RequestDescriber {

  private static final double MINUTE = 60_000.0;

  private RequestDescriber() {}

  static double[] execution(Activity request, SessionHistory session, AgentHistory agent) {
    double[] values = common(request, session, agent);
    String command = Long.toString(request.commandHash());
    Boolean lastFailed = session.commandLastFailed.get(command);
    set(values, RUNS_TESTS, request.testRun() ? 1 : 0);
    set(values, SAME_COMMAND_BEFORE, session.commandRequests.getOrDefault(command, 0L));
    set(values, SAME_COMMAND_LAST_FAILED, lastFailed == null ? Double.NaN : lastFailed ? 1 : 0);
    set(values, FOR_SUGGESTION, request.suggestionId() == null ? 0 : 1);
    return values;
  }

  /** Describes a proposal before {@link SessionHistory#touch} remembers its file. */
  static double[] suggestion(Activity proposal, SessionHistory session, AgentHistory agent) {
    double[] values = common(proposal, session, agent);
    String file = proposal.filePath();
    set(values, SUGGESTION_CONFIDENCE, proposal.confidence());
    set(values, SUGGESTION_CODE_LINES, proposal.codeLines());
    set(
        values,
        SUGGESTION_FILE_TOUCHED_BEFORE,
        file == null ? Double.NaN : session.files.contains(file) ? 1 : 0);
    return values;
  }

  private static double[] common(Activity request, SessionHistory session, AgentHistory agent) {
    double[] values = missing();
    set(values, SESSION_AGE_MINUTES, (request.eventTimeMillis() - session.startedAt) / MINUTE);
    set(values, SESSION_ACTIONS, session.actions);
    set(
        values,
        SESSION_EARLY_TEST_SHARE,
        rate(
            session.earlyTestActions, Math.min(session.actions, FeatureAccumulator.EARLY_ACTIONS)));
    set(values, SESSION_EXECUTIONS, session.runsCompleted);
    set(values, SESSION_EXECUTION_SUCCESS_RATE, rate(session.runsSucceeded, session.runsCompleted));
    set(values, SESSION_CONSECUTIVE_FAILURES, session.consecutiveFailures);
    set(values, SESSION_TOOL_ERROR_RATE, rate(session.toolCallsFailed, session.toolCalls));
    set(values, SESSION_FILES_TOUCHED, session.files.size());
    set(values, SESSION_VERIFICATION_PASS_RATE, rate(session.verdictsPassed, session.verdicts));
    set(values, AGENT_EXECUTIONS, agent.runsCompleted);
    set(values, AGENT_RECENT_SUCCESS_RATE, agent.recentSuccessRate());
    set(values, AGENT_LANGUAGE_SUCCESS_RATE, agent.languageSuccessRate(request.language()));
    set(values, AGENT_VERIFICATION_PASS_RATE, agent.recentPassRate());
    return values;
  }

  private static void set(double[] values, String name, double value) {
    values[indexOf(name)] = value;
  }
}

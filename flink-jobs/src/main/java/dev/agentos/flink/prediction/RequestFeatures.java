package dev.agentos.flink.prediction;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The inputs of version {@value #VERSION} of the prediction models, in the order a model takes
 * them: what was known of the request itself, its session and its agent at the moment it was made.
 * NaN marks a value that did not exist yet (a rate with nothing to measure, a feature of the other
 * target); XGBoost learns a direction for missing values instead of reading NaN as a number.
 *
 * <p>Chosen after published studies of coding-agent runs: the share of early actions that run
 * tests, repeated identical commands and edits spread over many files predict success, and a single
 * pass is a noisy label, so the agent's and the session's record so far weigh in.
 */
public final class RequestFeatures {

  public static final String VERSION = "p1";

  /** Executions: whether the request runs tests. */
  public static final String RUNS_TESTS = "request.runs_tests";

  /** Executions: earlier requests of the same language and command (or code) in the session. */
  public static final String SAME_COMMAND_BEFORE = "request.same_command_before";

  /** Executions: 1 when the last completed run of the same command failed, 0 when it worked. */
  public static final String SAME_COMMAND_LAST_FAILED = "request.same_command_last_failed";

  /** Executions: 1 when the run exercises a suggestion. */
  public static final String FOR_SUGGESTION = "request.for_suggestion";

  /** Suggestions: the agent's own confidence. */
  public static final String SUGGESTION_CONFIDENCE = "suggestion.confidence";

  /** Suggestions: lines of code proposed. */
  public static final String SUGGESTION_CODE_LINES = "suggestion.code_lines";

  /** Suggestions: 1 when an earlier suggestion of the session changed the same file. */
  public static final String SUGGESTION_FILE_TOUCHED_BEFORE = "suggestion.file_touched_before";

  /** Minutes since the session's first activity. */
  public static final String SESSION_AGE_MINUTES = "session.age_minutes";

  /** Tool calls and run requests of the session so far. */
  public static final String SESSION_ACTIONS = "session.actions";

  /**
   * Of the session's first {@value dev.agentos.flink.features.FeatureAccumulator#EARLY_ACTIONS}
   * actions, the share running tests.
   */
  public static final String SESSION_EARLY_TEST_SHARE = "session.early_test_share";

  /** Completed runs of the session. */
  public static final String SESSION_EXECUTIONS = "session.executions";

  /** Of the session's completed runs, the share that worked. */
  public static final String SESSION_EXECUTION_SUCCESS_RATE = "session.execution_success_rate";

  /** Runs that failed in a row, most recent last, in the session. */
  public static final String SESSION_CONSECUTIVE_FAILURES = "session.consecutive_failures";

  /** Of the session's tool calls not cancelled, the share that failed. */
  public static final String SESSION_TOOL_ERROR_RATE = "session.tool_error_rate";

  /** Distinct files the session's suggestions changed. */
  public static final String SESSION_FILES_TOUCHED = "session.files_touched";

  /** Of the session's verifications with a verdict, the share that passed. */
  public static final String SESSION_VERIFICATION_PASS_RATE = "session.verification_pass_rate";

  /** Completed runs of the agent, over all its sessions. */
  public static final String AGENT_EXECUTIONS = "agent.executions";

  /** Of the agent's latest {@value AgentHistory#RECENT} completed runs, the share that worked. */
  public static final String AGENT_RECENT_SUCCESS_RATE = "agent.recent_success_rate";

  /** Of the agent's completed runs in the request's language, the share that worked. */
  public static final String AGENT_LANGUAGE_SUCCESS_RATE = "agent.language_success_rate";

  /** Of the agent's latest {@value AgentHistory#RECENT} verdicts, the share that passed. */
  public static final String AGENT_VERIFICATION_PASS_RATE = "agent.verification_pass_rate";

  public static final List<String> NAMES =
      List.of(
          RUNS_TESTS,
          SAME_COMMAND_BEFORE,
          SAME_COMMAND_LAST_FAILED,
          FOR_SUGGESTION,
          SUGGESTION_CONFIDENCE,
          SUGGESTION_CODE_LINES,
          SUGGESTION_FILE_TOUCHED_BEFORE,
          SESSION_AGE_MINUTES,
          SESSION_ACTIONS,
          SESSION_EARLY_TEST_SHARE,
          SESSION_EXECUTIONS,
          SESSION_EXECUTION_SUCCESS_RATE,
          SESSION_CONSECUTIVE_FAILURES,
          SESSION_TOOL_ERROR_RATE,
          SESSION_FILES_TOUCHED,
          SESSION_VERIFICATION_PASS_RATE,
          AGENT_EXECUTIONS,
          AGENT_RECENT_SUCCESS_RATE,
          AGENT_LANGUAGE_SUCCESS_RATE,
          AGENT_VERIFICATION_PASS_RATE);

  /** Each name's position, looked up for every input of every request described or scored. */
  private static final Map<String, Integer> POSITIONS =
      IntStream.range(0, NAMES.size()).boxed().collect(Collectors.toMap(NAMES::get, i -> i));

  private RequestFeatures() {}

  /** The position of {@code name} in {@link #NAMES}. */
  public static int indexOf(String name) {
    Integer index = POSITIONS.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no feature is named " + name);
    }
    return index;
  }

  /** A vector of {@link #NAMES}' length with every value missing. */
  public static double[] missing() {
    double[] values = new double[NAMES.size()];
    java.util.Arrays.fill(values, Double.NaN);
    return values;
  }

  /** {@code part / whole}, or NaN when there was nothing to measure. */
  static double rate(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}

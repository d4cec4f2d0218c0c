package dev.agentos.flink.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The feature definitions of version {@value #VERSION}: each a double computed from one window's
 * {@link FeatureAccumulator}, named in dotted lower case. A count is always emitted (0 is a fact);
 * a rate, share or quantile is left out when nothing was there to measure (its denominator is 0),
 * rather than emitted as NaN, which read models and InfluxDB do not take; the matching count says
 * why it is missing. Features come in the order of this class, then the top tools.
 */
public final class FeatureSetV1 {

  public static final String VERSION = "v1";

  /** Completed runs. */
  public static final String EXECUTION_COUNT = "execution.count";

  /** Runs that exited 0 within their timeout, of the completed runs the sandbox did not fail. */
  public static final String EXECUTION_SUCCESS_RATE = "execution.success.rate";

  /** Median run duration (ms), exact over up to {@value DurationSample#CAPACITY} runs. */
  public static final String EXECUTION_DURATION_P50 = "execution.duration.p50.ms";

  /** 95th-percentile run duration (ms), nearest rank over the same sample. */
  public static final String EXECUTION_DURATION_P95 = "execution.duration.p95.ms";

  /** Runs requested again with the same language and command (or code) in the same session. */
  public static final String EXECUTION_RETRY_COUNT = "execution.retry.count";

  /** Tool calls. */
  public static final String TOOL_CALL_COUNT = "tool.call.count";

  /** Tool calls that failed or timed out, of those not cancelled (a cancel is not the tool's). */
  public static final String TOOL_ERROR_RATE = "tool.error.rate";

  /** Tool calls repeating an earlier call's tool and arguments in the same session: loops. */
  public static final String TOOL_REPEAT_COUNT = "tool.repeat.count";

  /** Distinct tools called. */
  public static final String TOOL_DISTINCT_COUNT = "tool.distinct.count";

  /** Suggestions proposed. */
  public static final String SUGGESTION_COUNT = "suggestion.count";

  /** Distinct files the proposed suggestions change: how widely edits are spread. */
  public static final String SUGGESTION_FILE_COUNT = "suggestion.file.count";

  /** Suggestion outcomes recorded. */
  public static final String SUGGESTION_OUTCOME_COUNT = "suggestion.outcome.count";

  /**
   * Outcomes ACCEPTED or EDITED, of all outcomes: an edited suggestion was still applied, so it
   * counts as accepted; {@link #SUGGESTION_EDIT_RATE} tells the two apart.
   */
  public static final String SUGGESTION_ACCEPTANCE_RATE = "suggestion.acceptance.rate";

  /** Outcomes EDITED, of all outcomes. */
  public static final String SUGGESTION_EDIT_RATE = "suggestion.edit.rate";

  /** Verifications completed, whatever their verdict. */
  public static final String VERIFICATION_COUNT = "verification.count";

  /** Verdicts PASSED, of PASSED and FAILED (ERROR says the tests did not run, not how they did). */
  public static final String VERIFICATION_PASS_RATE = "verification.pass.rate";

  /** Tests passed, of tests passed and failed, over all verifications. */
  public static final String VERIFICATION_TEST_PASS_RATE = "verification.test.pass.rate";

  /**
   * Suggestions verified both PASSED and FAILED in the window: verification noise (flaky tests or
   * an environment that changed), which makes a pass a noisy label. Counted per suggestion, not per
   * flip, so it does not depend on the order verdicts arrive in.
   */
  public static final String VERIFICATION_FLIPPED_COUNT = "verification.flipped.count";

  /** Prompt tokens of the conversation turns. */
  public static final String TOKENS_INPUT_SUM = "tokens.input.sum";

  /** Completion tokens of the conversation turns. */
  public static final String TOKENS_OUTPUT_SUM = "tokens.output.sum";

  /**
   * Of each session's first {@value FeatureAccumulator#EARLY_ACTIONS} actions (tool calls and run
   * requests, by event time, as far as the window saw the session), the share that run tests:
   * agents that test early tend to end well.
   */
  public static final String SESSION_EARLY_TEST_SHARE = "session.early.test.share";

  /** How many tools get a {@code tool.<name>.calls} feature: the most called, ties by name. */
  public static final int TOP_TOOLS = 3;

  private FeatureSetV1() {}

  /** The features of one window, in their stable order. */
  public static List<Feature> of(FeatureAccumulator acc) {
    List<Feature> features = new ArrayList<>();
    features.add(new Feature(EXECUTION_COUNT, acc.runsCompleted));
    addRate(
        features, EXECUTION_SUCCESS_RATE, acc.runsSucceeded, acc.runsCompleted - acc.runsErrored);
    if (acc.runDurations.size() > 0) {
      features.add(new Feature(EXECUTION_DURATION_P50, acc.runDurations.quantile(0.5)));
      features.add(new Feature(EXECUTION_DURATION_P95, acc.runDurations.quantile(0.95)));
    }
    features.add(
        new Feature(
            EXECUTION_RETRY_COUNT,
            acc.runsRequestedInSessions - acc.distinctRunsInSessions.size()));
    features.add(new Feature(TOOL_CALL_COUNT, acc.toolCalls));
    addRate(features, TOOL_ERROR_RATE, acc.toolCallsFailed, acc.toolCalls - acc.toolCallsCancelled);
    features.add(
        new Feature(
            TOOL_REPEAT_COUNT, acc.toolCallsInSessions - acc.distinctToolCallsInSessions.size()));
    features.add(new Feature(TOOL_DISTINCT_COUNT, acc.toolCallsByName.size()));
    features.add(new Feature(SUGGESTION_COUNT, acc.suggestionsProposed));
    features.add(new Feature(SUGGESTION_FILE_COUNT, acc.suggestedFiles.size()));
    features.add(new Feature(SUGGESTION_OUTCOME_COUNT, acc.suggestionOutcomes));
    addRate(
        features,
        SUGGESTION_ACCEPTANCE_RATE,
        acc.suggestionsAccepted + acc.suggestionsEdited,
        acc.suggestionOutcomes);
    addRate(features, SUGGESTION_EDIT_RATE, acc.suggestionsEdited, acc.suggestionOutcomes);
    features.add(new Feature(VERIFICATION_COUNT, acc.verifications));
    addRate(
        features,
        VERIFICATION_PASS_RATE,
        acc.verificationsPassed,
        acc.verificationsPassed + acc.verificationsFailed);
    addRate(
        features, VERIFICATION_TEST_PASS_RATE, acc.testsPassed, acc.testsPassed + acc.testsFailed);
    features.add(
        new Feature(
            VERIFICATION_FLIPPED_COUNT,
            acc.verdictsBySuggestion.values().stream().filter(seen -> seen == 3).count()));
    features.add(new Feature(TOKENS_INPUT_SUM, acc.inputTokens));
    features.add(new Feature(TOKENS_OUTPUT_SUM, acc.outputTokens));
    addEarlyTestShare(features, acc);
    acc.toolCallsByName.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_TOOLS)
        .forEach(e -> features.add(new Feature("tool." + e.getKey() + ".calls", e.getValue())));
    return features;
  }

  private static void addEarlyTestShare(List<Feature> features, FeatureAccumulator acc) {
    long actions = 0;
    long testRuns = 0;
    for (long[] early : acc.earlyActionsBySession.values()) {
      actions += early.length;
      for (long action : early) {
        testRuns += action & 1;
      }
    }
    addRate(features, SESSION_EARLY_TEST_SHARE, testRuns, actions);
  }

  private static void addRate(List<Feature> features, String name, long part, long whole) {
    if (whole > 0) {
      features.add(new Feature(name, (double) part / whole));
    }
  }
}

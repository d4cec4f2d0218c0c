package dev.agentos.flink.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one feature window keeps of its activities instead of the activities: counts, sums and a few
 * bounded collections. Every value is independent of the order the activities arrived in, so a
 * replay gives the same vector. A Flink POJO (public fields of primitives, strings, arrays, maps
 * and sets, which Flink 2 serializes itself), so window state never goes through Kryo.
 */
public class FeatureAccumulator {

  /** How many of a session's first actions {@code session.early.test.share} looks at. */
  public static final int EARLY_ACTIONS = 10;

  /** Compiled once: {@link String#replaceAll} would compile it for every tool call. */
  private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^a-z0-9]+");

  /** The one agent every activity came from; meaningless once {@link #severalAgents}. */
  public String agentId;

  public boolean severalAgents;

  public long inputTokens;
  public long outputTokens;

  public long toolCalls;
  public long toolCallsFailed;
  public long toolCallsCancelled;

  /** Calls per tool, by the tool's feature-name form (see {@link #featureNameOf}). */
  public Map<String, Long> toolCallsByName = new HashMap<>();

  public long toolCallsInSessions;

  /** Session and command hash of each distinct tool call made in a session. */
  public Set<String> distinctToolCallsInSessions = new HashSet<>();

  public long runsRequestedInSessions;

  /** Session and command hash of each distinct run requested in a session. */
  public Set<String> distinctRunsInSessions = new HashSet<>();

  public long runsCompleted;
  public long runsSucceeded;
  public long runsErrored;
  public DurationSample runDurations = new DurationSample();

  public long suggestionsProposed;

  /** Files the proposed suggestions change. */
  public Set<String> suggestedFiles = new HashSet<>();

  public long suggestionOutcomes;
  public long suggestionsAccepted;
  public long suggestionsEdited;

  public long verifications;
  public long verificationsPassed;
  public long verificationsFailed;
  public long testsPassed;
  public long testsFailed;

  /** Per verified suggestion, the verdicts seen: bit 1 passed, bit 2 failed. */
  public Map<String, Integer> verdictsBySuggestion = new HashMap<>();

  /**
   * Per session, its earliest {@link #EARLY_ACTIONS} actions, each as {@code eventTime * 2 + (runs
   * tests ? 1 : 0)}, ascending: ordering these orders by time, and the low bit says what the action
   * was, in one long.
   */
  public Map<String, long[]> earlyActionsBySession = new HashMap<>();

  public FeatureAccumulator() {}

  public void add(Activity activity) {
    addAgent(activity.agentId());
    switch (activity.kind()) {
      case TURN -> {
        inputTokens += activity.inputTokens();
        outputTokens += activity.outputTokens();
      }
      case TOOL_CALL -> addToolCall(activity);
      case EXECUTION_REQUESTED -> {
        if (activity.sessionId() != null) {
          runsRequestedInSessions++;
          distinctRunsInSessions.add(inSession(activity));
        }
      }
      case EXECUTION_COMPLETED -> addRun(activity);
      case SUGGESTION_PROPOSED -> {
        suggestionsProposed++;
        if (activity.filePath() != null) {
          suggestedFiles.add(activity.filePath());
        }
      }
      case SUGGESTION_OUTCOME -> {
        suggestionOutcomes++;
        suggestionsAccepted += activity.outcome() == ActivityOutcome.ACCEPTED ? 1 : 0;
        suggestionsEdited += activity.outcome() == ActivityOutcome.EDITED ? 1 : 0;
      }
      case VERIFICATION_COMPLETED -> addVerification(activity);
    }
    if (activity.kind().isAction() && activity.sessionId() != null) {
      long action = activity.eventTimeMillis() * 2 + (activity.testRun() ? 1 : 0);
      earlyActionsBySession.merge(
          activity.sessionId(), new long[] {action}, FeatureAccumulator::earliest);
    }
  }

  /** Adds what {@code other} kept, as if its activities had been added here. */
  public void merge(FeatureAccumulator other) {
    if (other.agentId != null) {
      addAgent(other.agentId);
    }
    severalAgents |= other.severalAgents;
    inputTokens += other.inputTokens;
    outputTokens += other.outputTokens;
    toolCalls += other.toolCalls;
    toolCallsFailed += other.toolCallsFailed;
    toolCallsCancelled += other.toolCallsCancelled;
    other.toolCallsByName.forEach((tool, calls) -> toolCallsByName.merge(tool, calls, Long::sum));
    toolCallsInSessions += other.toolCallsInSessions;
    distinctToolCallsInSessions.addAll(other.distinctToolCallsInSessions);
    runsRequestedInSessions += other.runsRequestedInSessions;
    distinctRunsInSessions.addAll(other.distinctRunsInSessions);
    runsCompleted += other.runsCompleted;
    runsSucceeded += other.runsSucceeded;
    runsErrored += other.runsErrored;
    runDurations.addAll(other.runDurations);
    suggestionsProposed += other.suggestionsProposed;
    suggestedFiles.addAll(other.suggestedFiles);
    suggestionOutcomes += other.suggestionOutcomes;
    suggestionsAccepted += other.suggestionsAccepted;
    suggestionsEdited += other.suggestionsEdited;
    verifications += other.verifications;
    verificationsPassed += other.verificationsPassed;
    verificationsFailed += other.verificationsFailed;
    testsPassed += other.testsPassed;
    testsFailed += other.testsFailed;
    other.verdictsBySuggestion.forEach(
        (id, seen) -> verdictsBySuggestion.merge(id, seen, (a, b) -> a | b));
    other.earlyActionsBySession.forEach(
        (session, actions) ->
            earlyActionsBySession.merge(session, actions, FeatureAccumulator::earliest));
  }

  /**
   * {@code toolName} as it appears in a feature name: lower case, every run of characters other
   * than {@code [a-z0-9]} one {@code _} ({@code mcp:github.search} is {@code mcp_github_search}),
   * so the name stays dotted lower case with the tool as one segment.
   */
  static String featureNameOf(String toolName) {
    return NOT_IN_A_NAME.matcher(toolName.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  private void addAgent(String agent) {
    if (agentId == null) {
      agentId = agent;
    } else if (!agentId.equals(agent)) {
      severalAgents = true;
    }
  }

  private void addToolCall(Activity call) {
    toolCalls++;
    toolCallsFailed += call.outcome() == ActivityOutcome.FAILED ? 1 : 0;
    toolCallsCancelled += call.outcome() == ActivityOutcome.CANCELLED ? 1 : 0;
    toolCallsByName.merge(featureNameOf(call.toolName()), 1L, Long::sum);
    if (call.sessionId() != null) {
      toolCallsInSessions++;
      distinctToolCallsInSessions.add(inSession(call));
    }
  }

  private void addRun(Activity run) {
    runsCompleted++;
    runsSucceeded += run.outcome() == ActivityOutcome.SUCCEEDED ? 1 : 0;
    runsErrored += run.outcome() == ActivityOutcome.ERROR ? 1 : 0;
    runDurations.add(run.position(), run.durationMs());
  }

  private void addVerification(Activity verification) {
    verifications++;
    testsPassed += verification.testsPassed();
    testsFailed += verification.testsFailed();
    int verdict =
        switch (verification.outcome()) {
          case SUCCEEDED -> 1;
          case FAILED -> 2;
          default -> 0; // ERROR: the tests did not run, no verdict on the suggestion
        };
    verificationsPassed += verdict == 1 ? 1 : 0;
    verificationsFailed += verdict == 2 ? 1 : 0;
    if (verdict != 0) {
      verdictsBySuggestion.merge(verification.suggestionId(), verdict, (a, b) -> a | b);
    }
  }

  /** The session and the command hash, one string per distinct command of a session. */
  private static String inSession(Activity action) {
    return action.sessionId() + "#" + Long.toHexString(action.commandHash());
  }

  /** The earliest {@link #EARLY_ACTIONS} of two ascending lists of packed actions, ascending. */
  private static long[] earliest(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    Arrays.sort(both);
    return both.length <= EARLY_ACTIONS ? both : Arrays.copyOf(both, EARLY_ACTIONS);
  }
}

package dev.agentos.flink.prediction;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.ActivityOutcome;
import dev.agentos.flink.features.FeatureAccumulator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RequestContexts} keeps of one session of an agent, to describe the next request in
 * it: counts so far, bounded sets. A Flink POJO (primitives, strings, maps and sets, which Flink 2
 * serializes itself), so keyed state never goes through Kryo.
 */
public class SessionHistory {

  /** Distinct files and commands remembered per session; beyond it the session is unusual. */
  static final int MAX_REMEMBERED = 500;

  public long startedAt;
  public long lastActivityAt;
  public long actions;
  public long earlyTestActions;
  public long runsCompleted;
  public long runsSucceeded;
  public long consecutiveFailures;
  public long toolCalls;
  public long toolCallsFailed;
  public long verdicts;
  public long verdictsPassed;
  public Set<String> files = new HashSet<>();

  /** Requests per command hash (as text) so far. */
  public Map<String, Long> commandRequests = new HashMap<>();

  /** Whether the last completed run of each command hash failed. */
  public Map<String, Boolean> commandLastFailed = new HashMap<>();

  public SessionHistory() {}

  static SessionHistory startingAt(long eventTime) {
    SessionHistory session = new SessionHistory();
    session.startedAt = eventTime;
    session.lastActivityAt = eventTime;
    return session;
  }

  /** Adds an action (tool call or run request) after it has been described. */
  void countAction(Activity action) {
    if (actions < FeatureAccumulator.EARLY_ACTIONS && action.testRun()) {
      earlyTestActions++;
    }
    actions++;
  }

  void countRequest(String command) {
    if (commandRequests.size() < MAX_REMEMBERED || commandRequests.containsKey(command)) {
      commandRequests.merge(command, 1L, Long::sum);
    }
  }

  void countToolCall(ActivityOutcome outcome) {
    if (outcome == ActivityOutcome.CANCELLED) {
      return; // says nothing about the tool
    }
    toolCalls++;
    if (outcome == ActivityOutcome.FAILED) {
      toolCallsFailed++;
    }
  }

  void countRun(String command, boolean succeeded) {
    runsCompleted++;
    if (succeeded) {
      runsSucceeded++;
      consecutiveFailures = 0;
    } else {
      consecutiveFailures++;
    }
    if (command != null
        && (commandLastFailed.size() < MAX_REMEMBERED || commandLastFailed.containsKey(command))) {
      commandLastFailed.put(command, !succeeded);
    }
  }

  void countVerdict(boolean passed) {
    verdicts++;
    if (passed) {
      verdictsPassed++;
    }
  }

  /** Whether {@code file} was changed before; remembers it. */
  boolean touch(String file) {
    if (file == null) {
      return false;
    }
    boolean before = files.contains(file);
    if (!before && files.size() < MAX_REMEMBERED) {
      files.add(file);
    }
    return before;
  }
}

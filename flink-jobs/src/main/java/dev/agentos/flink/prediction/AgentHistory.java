package dev.agentos.flink.prediction;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@link RequestContexts} keeps of one agent over all its sessions: its completed runs, its
 * latest outcomes and verdicts, and its record per language. A Flink POJO of Flink-known types.
 */
public class AgentHistory {

  /** How many of the latest outcomes the recent rates look at. */
  public static final int RECENT = 50;

  /** Languages remembered per agent; an agent rarely writes more. */
  static final int MAX_LANGUAGES = 32;

  public long runsCompleted;

  /** Event time of the agent's latest activity. */
  public long lastActivityAt;

  /** The latest {@value #RECENT} run outcomes, oldest first: 1 worked, 0 failed. */
  public String recentRuns = "";

  /** The latest {@value #RECENT} verdicts, oldest first: 1 passed, 0 failed. */
  public String recentVerdicts = "";

  /** Completed runs per language. */
  public Map<String, Long> languageRuns = new HashMap<>();

  /** Runs that worked per language. */
  public Map<String, Long> languageSuccesses = new HashMap<>();

  public AgentHistory() {}

  void countRun(String language, boolean succeeded) {
    runsCompleted++;
    recentRuns = pushed(recentRuns, succeeded);
    if (language != null
        && (languageRuns.size() < MAX_LANGUAGES || languageRuns.containsKey(language))) {
      languageRuns.merge(language, 1L, Long::sum);
      languageSuccesses.merge(language, succeeded ? 1L : 0L, Long::sum);
    }
  }

  void countVerdict(boolean passed) {
    recentVerdicts = pushed(recentVerdicts, passed);
  }

  double recentSuccessRate() {
    return shareOfOnes(recentRuns);
  }

  double recentPassRate() {
    return shareOfOnes(recentVerdicts);
  }

  double languageSuccessRate(String language) {
    if (language == null) {
      return Double.NaN;
    }
    return RequestFeatures.rate(
        languageSuccesses.getOrDefault(language, 0L), languageRuns.getOrDefault(language, 0L));
  }

  private static String pushed(String outcomes, boolean one) {
    String longer = outcomes + (one ? '1' : '0');
    return longer.length() > RECENT ? longer.substring(longer.length() - RECENT) : longer;
  }

  private static double shareOfOnes(String outcomes) {
    long ones = outcomes.chars().filter(c -> c == '1').count();
    return RequestFeatures.rate(ones, outcomes.length());
  }
}

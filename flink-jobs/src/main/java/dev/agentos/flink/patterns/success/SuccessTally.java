package dev.agentos.flink.patterns.success;

/**
 * What the success counter keeps of one signature (Flink keyed state: a POJO of Flink-known types,
 * so its serializer is Flink's own and the state can evolve). Times are event time, epoch millis.
 */
public class SuccessTally {

  public String tenantId;
  public String projectId;
  public String latestAgentId;
  public String signature;

  /** The one language of its tries, null once they were of two or more. */
  public String language;

  public boolean mixedLanguages;
  public long firstSeen;
  public long lastSeen;

  /** Labelled tries so far. */
  public long support;

  /** Those among them whose verification passed. */
  public long successes;

  /** Distinct agents and sessions with a verified success, counted up to a cap. */
  public int agents;

  public int sessions;

  /** The event-time hour of the newest try, and its successes. */
  public long hourStart;

  public long hourSuccesses;

  /** Counted since the last report, once reported: the hour's end reports it. */
  public boolean unreported;

  public SuccessTally() {}

  static SuccessTally first(SignatureTry attempt) {
    SuccessTally tally = new SuccessTally();
    tally.tenantId = attempt.tenantId();
    tally.projectId = attempt.projectId();
    tally.signature = attempt.signature();
    tally.language = attempt.language();
    tally.firstSeen = attempt.eventTimeMillis();
    tally.lastSeen = attempt.eventTimeMillis();
    tally.hourStart = EventTimeOrdered.hourOf(attempt.eventTimeMillis());
    return tally;
  }

  /**
   * Counts one try. Tries come in event-time order, except late ones counted on arrival: those
   * count in the totals, and in the hour's successes only if their hour is still the newest.
   */
  void count(SignatureTry attempt) {
    long time = attempt.eventTimeMillis();
    support++;
    firstSeen = Math.min(firstSeen, time);
    lastSeen = Math.max(lastSeen, time);
    latestAgentId = attempt.agentId();
    if (!mixedLanguages && language != null && !language.equals(attempt.language())) {
      mixedLanguages = true;
      language = null;
    }
    long hour = EventTimeOrdered.hourOf(time);
    if (hour > hourStart) {
      hourStart = hour;
      hourSuccesses = 0;
    }
    if (attempt.passed()) {
      successes++;
      if (hour == hourStart) {
        hourSuccesses++;
      }
    }
  }

  double successRate() {
    return support == 0 ? 0 : (double) successes / support;
  }
}

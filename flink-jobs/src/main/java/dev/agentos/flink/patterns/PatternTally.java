package dev.agentos.flink.patterns;

/**
 * What the counter keeps of one pattern (Flink keyed state: a POJO of Flink-known types, so its
 * serializer is Flink's own and the state can evolve). Hours are event-time hours, epoch millis.
 */
public class PatternTally {

  public String tenantId;
  public String projectId;
  public String latestAgentId;
  public String language;
  public String errorType;
  public String signature;
  public String frames;
  public long firstSeen;
  public long lastSeen;
  public long occurrences;
  public int agents;
  public int sessions;
  public long hourStart;
  public long hourCount;
  public long previousHourCount;

  /** Reported rising already this hour: once per hour is enough. */
  public boolean risingThisHour;

  /** Matched since the last report: the hour's end reports it. */
  public boolean unreported;

  public PatternTally() {}

  static PatternTally first(FailureMatch match) {
    PatternTally tally = new PatternTally();
    tally.tenantId = match.tenantId();
    tally.projectId = match.projectId();
    tally.language = match.language();
    tally.errorType = match.errorType();
    tally.signature = match.signature();
    tally.frames = match.frames();
    tally.firstSeen = match.eventTimeMillis();
    tally.lastSeen = match.eventTimeMillis();
    tally.hourStart = ErrorPatternCounter.hourOf(match.eventTimeMillis());
    return tally;
  }

  /**
   * Counts one match into its hour. Matches come in event-time order, except late ones counted on
   * arrival: those count in the total, and in the hour's count only if it is still the current one.
   */
  void count(FailureMatch match) {
    long time = match.eventTimeMillis();
    occurrences++;
    firstSeen = Math.min(firstSeen, time);
    lastSeen = Math.max(lastSeen, time);
    latestAgentId = match.agentId();
    long hour = ErrorPatternCounter.hourOf(time);
    if (hour > hourStart) {
      previousHourCount = hour == hourStart + ErrorPatternCounter.HOUR ? hourCount : 0;
      hourStart = hour;
      hourCount = 1;
      risingThisHour = false;
    } else if (hour == hourStart) {
      hourCount++;
    }
  }

  boolean rising(PatternSettings settings) {
    return hourCount >= settings.risingMinimum()
        && hourCount >= settings.risingFactor() * previousHourCount;
  }
}

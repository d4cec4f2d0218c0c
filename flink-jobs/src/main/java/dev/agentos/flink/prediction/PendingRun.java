package dev.agentos.flink.prediction;

/** A run requested and not completed yet: what its completion is counted under. A Flink POJO. */
public class PendingRun {

  public String sessionKey;
  public String command;
  public String language;
  public long requestedAt;

  public PendingRun() {}

  PendingRun(String sessionKey, String command, String language, long requestedAt) {
    this.sessionKey = sessionKey;
    this.command = command;
    this.language = language;
    this.requestedAt = requestedAt;
  }
}

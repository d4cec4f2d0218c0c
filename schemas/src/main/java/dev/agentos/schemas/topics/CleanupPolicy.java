package dev.agentos.schemas.topics;

/** Kafka's {@code cleanup.policy}: DELETE drops old segments, COMPACT keeps the latest per key. */
public enum CleanupPolicy {
  DELETE("delete"),
  COMPACT("compact");

  private final String configValue;

  CleanupPolicy(String configValue) {
    this.configValue = configValue;
  }

  /** The value of the {@code cleanup.policy} topic config. */
  public String configValue() {
    return configValue;
  }
}

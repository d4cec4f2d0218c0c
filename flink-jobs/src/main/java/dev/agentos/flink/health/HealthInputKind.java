package dev.agentos.flink.health;

/** Which event a {@link HealthInput} was mapped from. */
public enum HealthInputKind {
  /** A verification whose tests ran (verdict PASSED or FAILED). */
  VERIFICATION,
  /** An execution that ended through the code, not the platform (not SANDBOX_ERROR). */
  EXECUTION,
  /** A detection of an ERROR pattern of the project. */
  ERROR_PATTERN,
  /** An anomaly in one of the project's metric series. */
  ANOMALY
}

package dev.agentos.command;

/**
 * A command an aggregate refuses because of its current state, e.g. updating a deleted memory.
 * Answered with HTTP 409: the same request may succeed against another state. A refusal a client
 * acts on by itself (the executor told a run has already started) names its own problem type.
 */
public class RuleViolationException extends RuntimeException {

  private static final String RULE_VIOLATION = "rule-violation";

  private final String kind;

  public RuleViolationException(String message) {
    this(RULE_VIOLATION, message);
  }

  /**
   * @param kind the last segment of the problem's type URI, e.g. {@code already-started}
   */
  public RuleViolationException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** The last segment of the problem's type URI; {@code rule-violation} unless more is said. */
  public String kind() {
    return kind;
  }
}

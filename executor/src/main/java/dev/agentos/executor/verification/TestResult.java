package dev.agentos.executor.verification;

import java.util.Objects;
import java.util.Optional;

/**
 * One test and how it ended.
 *
 * @param name its full name as the runner gives it, e.g. "test_calc.TestGroup.test_param[2]"
 * @param status how it ended
 * @param message the start of what the runner said about a failure, error or skip
 */
public record TestResult(String name, TestStatus status, Optional<String> message) {

  /** Longer names are cut: a parameterised test may carry a whole data set in its name. */
  static final int MAX_NAME_CHARS = 300;

  /** Enough for an assertion's message and the top of its stack trace. */
  static final int MAX_MESSAGE_CHARS = 1000;

  public TestResult {
    Objects.requireNonNull(status, "status");
    name = cut(Objects.requireNonNull(name, "name"), MAX_NAME_CHARS);
    message =
        message.map(String::strip).filter(m -> !m.isEmpty()).map(m -> cut(m, MAX_MESSAGE_CHARS));
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

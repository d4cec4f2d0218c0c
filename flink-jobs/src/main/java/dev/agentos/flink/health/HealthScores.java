package dev.agentos.flink.health;

import dev.agentos.events.derived.AnomalySeverity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a window's counts into the components of a project's health, each 0.00-100.00, and the
 * overall score, their weighted mean. A component whose window holds nothing to judge it by is left
 * out of both, never counted as a perfect 100:
 *
 * <ul>
 *   <li>{@code test-pass-rate} (weight 25): tests passed / (passed + failed), over the window's
 *       verifications.
 *   <li>{@code execution-success} (weight 25): executions succeeded / (succeeded + failed).
 *   <li>{@code error-trend} (weight 10): the execution failure rate, in percent, this window
 *       against the window before: 100 minus the points it rose, 100 if it did not rise. The level
 *       is {@code execution-success}'s to judge; the trend judges the direction. Needs executions
 *       in both windows.
 *   <li>{@code flaky-tests} (weight 15): 100 x (1 - flaky / seen), a test flaky when it both passed
 *       and failed in the window.
 *   <li>{@code error-patterns} (weight 15): 100 minus 10 per distinct ERROR pattern detected in the
 *       window, at least 0: ten open patterns and the component is spent.
 *   <li>{@code anomalies} (weight 10): 100 minus the window's distinct anomalies weighted by
 *       severity ({@link #points}), at least 0.
 * </ul>
 *
 * Counts of things that went wrong (patterns, anomalies) are present only when something was seen:
 * the job cannot tell a project without errors from one it hears nothing of.
 */
public final class HealthScores {

  public static final String TEST_PASS_RATE = "test-pass-rate";
  public static final String EXECUTION_SUCCESS = "execution-success";
  public static final String ERROR_TREND = "error-trend";
  public static final String FLAKY_TESTS = "flaky-tests";
  public static final String ERROR_PATTERNS = "error-patterns";
  public static final String ANOMALIES = "anomalies";

  /** Each component's weight in the score; the score divides by the present ones' sum. */
  public static final Map<String, Integer> WEIGHTS =
      Map.of(
          TEST_PASS_RATE, 25,
          EXECUTION_SUCCESS, 25,
          ERROR_TREND, 10,
          FLAKY_TESTS, 15,
          ERROR_PATTERNS, 15,
          ANOMALIES, 10);

  static final int POINTS_PER_PATTERN = 10;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int SCALE = 2;

  private HealthScores() {}

  /** What one anomaly costs the {@code anomalies} component: a CRITICAL one a quarter of it. */
  public static int points(AnomalySeverity severity) {
    return switch (severity) {
      case LOW -> 2;
      case MEDIUM -> 5;
      case HIGH -> 10;
      case CRITICAL -> 25;
    };
  }

  /** The components the window has data for, by name. */
  public static SortedMap<String, BigDecimal> components(HealthWindow window) {
    SortedMap<String, BigDecimal> components = new TreeMap<>();
    long tests = window.testsPassed() + window.testsFailed();
    if (tests > 0) {
      components.put(TEST_PASS_RATE, percent(window.testsPassed(), tests));
    }
    long executions = window.executionsSucceeded() + window.executionsFailed();
    if (executions > 0) {
      components.put(EXECUTION_SUCCESS, percent(window.executionsSucceeded(), executions));
    }
    long executionsBefore = window.executionsSucceededBefore() + window.executionsFailedBefore();
    if (executions > 0 && executionsBefore > 0) {
      BigDecimal rise =
          percent(window.executionsFailed(), executions)
              .subtract(percent(window.executionsFailedBefore(), executionsBefore));
      components.put(ERROR_TREND, HUNDRED.subtract(rise.max(BigDecimal.ZERO)).setScale(SCALE));
    }
    if (window.testsSeen() > 0) {
      components.put(
          FLAKY_TESTS, percent(window.testsSeen() - window.flakyTests(), window.testsSeen()));
    }
    if (window.errorPatterns() > 0) {
      components.put(ERROR_PATTERNS, remaining(window.errorPatterns() * POINTS_PER_PATTERN));
    }
    if (window.anomalies() > 0) {
      components.put(ANOMALIES, remaining(window.anomalyPoints()));
    }
    return components;
  }

  /**
   * The weighted mean of {@code components}, from their values as reported (to the cent), so the
   * score agrees with the components a reader sees.
   */
  public static BigDecimal score(Map<String, BigDecimal> components) {
    if (components.isEmpty()) {
      throw new IllegalArgumentException("no components to score");
    }
    BigDecimal weighted = BigDecimal.ZERO;
    long weights = 0;
    for (Map.Entry<String, BigDecimal> component : components.entrySet()) {
      int weight = WEIGHTS.get(component.getKey());
      weighted = weighted.add(component.getValue().multiply(BigDecimal.valueOf(weight)));
      weights += weight;
    }
    return weighted.divide(BigDecimal.valueOf(weights), SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole) {
    return HUNDRED
        .multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal remaining(long points) {
    return BigDecimal.valueOf(Math.max(0, 100 - points)).setScale(SCALE);
  }
}

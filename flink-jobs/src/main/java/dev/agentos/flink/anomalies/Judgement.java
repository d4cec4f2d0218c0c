package dev.agentos.flink.anomalies;

import dev.agentos.events.derived.AnomalySeverity;

/**
 * What the {@link RobustDetector} made of one value against its series' window.
 *
 * @param observed the value judged
 * @param expected the median of the window
 * @param spread the robust standard deviation the score divides by, always above 0
 * @param score the robust (modified) z-score, {@code |observed - expected| / spread}
 * @param expectedLow lower bound of the expected range, {@code expected - threshold * spread}
 * @param expectedHigh upper bound of the expected range, {@code expected + threshold * spread}
 * @param severity how bad the anomaly is; null when the value is within the expected range
 * @param windowStartMillis event time of the window's oldest value, inclusive
 * @param windowEndMillis just after the event time of the window's newest value, exclusive
 */
public record Judgement(
    double observed,
    double expected,
    double spread,
    double score,
    double expectedLow,
    double expectedHigh,
    AnomalySeverity severity,
    long windowStartMillis,
    long windowEndMillis) {

  /** Whether the value is an anomaly: its score reached the detector's threshold. */
  public boolean anomalous() {
    return severity != null;
  }
}

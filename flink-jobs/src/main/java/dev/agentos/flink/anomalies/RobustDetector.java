package dev.agentos.flink.anomalies;

import dev.agentos.events.derived.AnomalySeverity;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * Judges a metric value against the last values of its series with the median and the median
 * absolute deviation (MAD), the modified z-score of Iglewicz and Hoaglin: {@code score = |x -
 * median| / (1.4826 * MAD)}, an anomaly from {@value #DEFAULT_THRESHOLD} by default. Unlike a mean
 * and standard deviation, the median and MAD barely move for outliers already in the window, so a
 * burst of earlier spikes cannot hide the next one.
 *
 * <p>Every finite value enters the window, anomalous or not. The median and MAD tolerate outliers
 * up to half the window, so an isolated spike does not mask the next; and a lasting change of level
 * becomes the new normal once it fills half the window, where keeping anomalies out would flag the
 * new level forever. Non-finite values (NaN, infinities) are neither judged nor kept.
 *
 * <p>A window whose MAD is 0 (at least half its values are equal) falls back to the mean absolute
 * deviation from the median times 1.2533 (its ratio to the standard deviation for normal data), and
 * a window of equal values to {@value #RELATIVE_FLOOR} of the median's magnitude, at least {@value
 * #ABSOLUTE_FLOOR}: a flat series that changes is flagged, one that stays flat is not.
 *
 * <p>Severity bands, as multiples of the threshold so they follow it: below 1.5x LOW, below 2x
 * MEDIUM, below 3x HIGH, from 3x CRITICAL; with the default threshold 3.5 that is 3.5, 5.25, 7 and
 * 10.5. Stateless: the window is the caller's, so the Flink operator keeps it in keyed state.
 */
public final class RobustDetector implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Name and version of the method, recorded on every anomaly it reports. */
  public static final String NAME = "median-mad/v1";

  public static final int DEFAULT_WINDOW_SIZE = 60;
  public static final int DEFAULT_MIN_POINTS = 20;
  public static final double DEFAULT_THRESHOLD = 3.5;

  /** MAD to standard deviation for normally distributed data: 1 / Φ⁻¹(3/4). */
  static final double MAD_TO_SIGMA = 1.4826;

  /** Mean absolute deviation to standard deviation for normally distributed data: √(π/2). */
  static final double MEAN_AD_TO_SIGMA = 1.2533;

  static final double RELATIVE_FLOOR = 0.01;
  static final double ABSOLUTE_FLOOR = 1e-9;

  private final int windowSize;
  private final int minPoints;
  private final double threshold;

  /**
   * @param windowSize how many of a series' last values the window keeps
   * @param minPoints how many values the window needs before the detector judges at all
   * @param threshold the score from which a value is an anomaly
   */
  public RobustDetector(int windowSize, int minPoints, double threshold) {
    if (minPoints < 1 || minPoints > windowSize) {
      throw new IllegalArgumentException(
          "minPoints " + minPoints + " must be within 1.." + windowSize);
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold " + threshold + " must be a positive number");
    }
    this.windowSize = windowSize;
    this.minPoints = minPoints;
    this.threshold = threshold;
  }

  public static RobustDetector withDefaults() {
    return new RobustDetector(DEFAULT_WINDOW_SIZE, DEFAULT_MIN_POINTS, DEFAULT_THRESHOLD);
  }

  /**
   * Judges {@code value} against {@code window}; empty while the window holds fewer than {@code
   * minPoints} values, or when the value is not finite.
   */
  public Optional<Judgement> judge(SeriesWindow window, double value) {
    if (window.size() < minPoints || !Double.isFinite(value)) {
      return Optional.empty();
    }
    double[] sorted = window.values().clone();
    Arrays.sort(sorted);
    double median = medianOfSorted(sorted);
    double spread = spreadAround(median, sorted);
    double score = Math.abs(value - median) / spread;
    return Optional.of(
        new Judgement(
            value,
            median,
            spread,
            score,
            median - threshold * spread,
            median + threshold * spread,
            score >= threshold ? severityOf(score) : null,
            window.startMillis(),
            window.lastMillis() + 1));
  }

  /** The window once {@code value} has been observed: it enters unless it is not finite. */
  public SeriesWindow remember(SeriesWindow window, long eventTime, double value) {
    return Double.isFinite(value) ? window.append(eventTime, value, windowSize) : window;
  }

  private AnomalySeverity severityOf(double score) {
    double times = score / threshold;
    if (times < 1.5) {
      return AnomalySeverity.LOW;
    }
    if (times < 2) {
      return AnomalySeverity.MEDIUM;
    }
    return times < 3 ? AnomalySeverity.HIGH : AnomalySeverity.CRITICAL;
  }

  private static double spreadAround(double median, double[] values) {
    double[] deviations = new double[values.length];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - median);
      sum += deviations[i];
    }
    Arrays.sort(deviations);
    double mad = medianOfSorted(deviations);
    if (mad > 0) {
      return MAD_TO_SIGMA * mad;
    }
    double meanAbsoluteDeviation = sum / values.length;
    if (meanAbsoluteDeviation > 0) {
      return MEAN_AD_TO_SIGMA * meanAbsoluteDeviation;
    }
    return Math.max(RELATIVE_FLOOR * Math.abs(median), ABSOLUTE_FLOOR);
  }

  private static double medianOfSorted(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

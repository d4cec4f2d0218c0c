package dev.agentos.flink.features;

import java.time.Duration;

/**
 * The event-time windows features are computed over: a tumbling window for what just happened and a
 * sliding one for the trend, whose vectors are refreshed every {@code slide}.
 *
 * @param tumbling size of the tumbling window
 * @param sliding size of the sliding window
 * @param slide how often the sliding window fires; must divide {@code sliding}
 */
public record FeatureWindowSettings(Duration tumbling, Duration sliding, Duration slide) {

  public FeatureWindowSettings {
    for (Duration size : new Duration[] {tumbling, sliding, slide}) {
      if (size.isNegative() || size.isZero()) {
        throw new IllegalArgumentException("window sizes must be positive, not " + size);
      }
    }
    if (sliding.toMillis() % slide.toMillis() != 0) {
      throw new IllegalArgumentException("slide " + slide + " does not divide " + sliding);
    }
  }

  /** Tumbling 1 h; sliding 24 h, every hour. */
  public static FeatureWindowSettings defaults() {
    return new FeatureWindowSettings(
        Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1));
  }

  /**
   * The suffix that tells a window's features apart, e.g. {@code 1h}, {@code 24h}, {@code 90m}:
   * vectors of both windows share their entity and time, so the names must say which is which.
   */
  static String label(Duration size) {
    if (size.toMillis() % Duration.ofHours(1).toMillis() == 0) {
      return size.toHours() + "h";
    }
    if (size.toMillis() % Duration.ofMinutes(1).toMillis() == 0) {
      return size.toMinutes() + "m";
    }
    return size.toMillis() + "ms";
  }
}

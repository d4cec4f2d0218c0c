package dev.agentos.flink.health;

import java.io.Serializable;
import java.time.Duration;

/**
 * When and over what the health job reports.
 *
 * @param period reports fall at each multiple of this in event time (epoch-aligned), one per
 *     project whose window holds data; also the granularity the job counts in
 * @param window each report covers the {@code window} before its end; the error trend compares it
 *     with the {@code window} before that. A multiple of {@code period}
 * @param idleTimeout a project without any input for this long (event time) is forgotten: all its
 *     state is cleared. At least {@code window}, so a project's last reports are not cut short
 * @param allowedLateness an input behind the watermark by at most this much still counts, at once,
 *     in the reports still to come; further behind, it is dead-lettered
 * @param maxTestNames test names kept per project for the flaky-test count; names first seen once
 *     the project holds this many are not counted until older ones leave the window
 */
public record HealthSettings(
    Duration period,
    Duration window,
    Duration idleTimeout,
    Duration allowedLateness,
    int maxTestNames)
    implements Serializable {

  public HealthSettings {
    for (Duration length : new Duration[] {period, window, idleTimeout}) {
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("durations must be positive, not " + length);
      }
    }
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness " + allowedLateness + " is negative");
    }
    if (window.toMillis() % period.toMillis() != 0) {
      throw new IllegalArgumentException("period " + period + " does not divide " + window);
    }
    if (idleTimeout.compareTo(window) < 0) {
      throw new IllegalArgumentException(
          "idle timeout " + idleTimeout + " is shorter than the window " + window);
    }
    if (maxTestNames <= 0) {
      throw new IllegalArgumentException("maxTestNames must be positive, not " + maxTestNames);
    }
  }

  /**
   * Hourly reports over the trailing 24 h; a project idle for two windows (all its trend data gone)
   * is forgotten; 10,000 test names. Two hours of lateness: the error pattern job writes a
   * RECURRING report at its hour's end stamped with the pattern's last match, up to an hour before,
   * and that report reaches this job after its own watermark has moved on.
   */
  public static HealthSettings defaults() {
    return new HealthSettings(
        Duration.ofHours(1),
        Duration.ofHours(24),
        Duration.ofHours(48),
        Duration.ofHours(2),
        10_000);
  }

  long periodMillis() {
    return period.toMillis();
  }

  long windowMillis() {
    return window.toMillis();
  }

  /** The start of the period {@code time} falls in. */
  long periodOf(long time) {
    return Math.floorDiv(time, periodMillis()) * periodMillis();
  }
}

package dev.agentos.query.metrics;

import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * What bounds a series read, so no request makes InfluxDB scan or answer without end: a range of at
 * most {@link #MAX_RANGE} (by default the {@link #DEFAULT_RANGE} before {@code to}, by default
 * now), and at most {@link #MAX_LIMIT} points ({@link #DEFAULT_LIMIT} unless asked).
 */
public final class SeriesBounds {

  public static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  public static final Duration MAX_RANGE = Duration.ofDays(31);
  public static final int DEFAULT_LIMIT = 1_000;
  public static final int MAX_LIMIT = 10_000;

  private SeriesBounds() {}

  /**
   * {@code [from, to)}; a missing {@code to} is {@code now}, a missing {@code from} a day before.
   */
  public static TimeRange range(Instant from, Instant to, Instant now) {
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
    if (!start.isBefore(end)) {
      throw new InvalidQueryException("from", "from " + start + " is not before to " + end);
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new InvalidQueryException(
          "from", "the range from " + start + " to " + end + " is longer than " + MAX_RANGE);
    }
    return new TimeRange(start, end);
  }

  public static int limit(Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + size);
    }
    return size;
  }
}

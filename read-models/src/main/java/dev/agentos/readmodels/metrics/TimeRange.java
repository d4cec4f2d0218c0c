package dev.agentos.readmodels.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The instants a series read covers: {@code from} inclusive, {@code to} exclusive. */
public record TimeRange(Instant from, Instant to) {

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  /** The InfluxQL condition on {@code time}. */
  public String condition() {
    return "time >= " + InfluxQl.time(from) + " AND time < " + InfluxQl.time(to);
  }
}

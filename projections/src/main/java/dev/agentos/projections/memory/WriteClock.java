package dev.agentos.projections.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write timestamps (microseconds) that grow strictly in the order they are taken. The writers send
 * a batch's statements concurrently, so they may reach Cassandra in any order; each carries the
 * timestamp it was given when its event was applied, and Cassandra keeps the value with the latest
 * timestamp: the outcome is the one of applying the events one after the other.
 */
final class WriteClock {

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  WriteClock(Clock clock) {
    this.clock = clock;
  }

  long next() {
    long now = micros(clock.instant());
    return last.updateAndGet(previous -> Math.max(now, previous + 1));
  }

  Instant now() {
    return clock.instant();
  }

  /** The write timestamp of an event's own time, for rows ordered by event time. */
  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}

package dev.agentos.command.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where the publisher stands in the event store and since when it stands there: the position after
 * its last committed batch (Kafka's position when a session starts), and the time it first reached
 * it. What {@link PublisherHealthIndicator} reads to tell a stuck publisher from an idle one.
 */
final class PublisherPosition {

  /**
   * @param token the position after the last published event; null before the first
   * @param since when the publisher first stood there
   */
  record Snapshot(TrackingToken token, Instant since) {

    /** The global index of the last published event, -1 before the first. */
    long index() {
      return token == null ? -1 : token.position().orElse(-1);
    }
  }

  private final Clock clock;
  private volatile Snapshot snapshot;

  PublisherPosition(Clock clock) {
    this.clock = clock;
    this.snapshot = new Snapshot(null, clock.instant());
  }

  /** Notes that the publisher stands at {@code token}; keeps the time while it does not move. */
  void at(TrackingToken token) {
    if (!Objects.equals(token, snapshot.token())) {
      snapshot = new Snapshot(token, clock.instant());
    }
  }

  Snapshot snapshot() {
    return snapshot;
  }
}

package dev.agentos.command.publish;

import dev.agentos.command.CommandSideProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code publisher}: DOWN when the publisher has stood at the same
 * position for longer than {@code agentos.publisher.stuck-after} although the event store holds
 * later events, i.e. accepted events are not reaching Kafka (an outage, or a record it cannot get
 * past). Idle with nothing to publish is UP however long it lasts. The details say where it stands,
 * since when, and how far the store is ahead. UNKNOWN where the publisher is disabled.
 */
@Component
public class PublisherHealthIndicator implements HealthIndicator {

  private final PublisherPosition position;
  private final EventStore eventStore;
  private final Clock clock;
  private final Duration stuckAfter;

  @Autowired
  public PublisherHealthIndicator(
      ObjectProvider<EventPublisher> publisher,
      EventStore eventStore,
      Clock clock,
      CommandSideProperties properties) {
    this(
        Optional.ofNullable(publisher.getIfAvailable()).map(EventPublisher::position).orElse(null),
        eventStore,
        clock,
        properties.publisher().stuckAfter());
  }

  /**
   * @param position null where the publisher is disabled
   */
  PublisherHealthIndicator(
      PublisherPosition position, EventStore eventStore, Clock clock, Duration stuckAfter) {
    this.position = position;
    this.eventStore = eventStore;
    this.clock = clock;
    this.stuckAfter = stuckAfter;
  }

  @Override
  public Health health() {
    if (position == null) {
      return Health.unknown().withDetail("reason", "agentos.publisher.enabled is false").build();
    }
    PublisherPosition.Snapshot at = position.snapshot();
    TrackingToken head = eventStore.createHeadToken();
    long last = head == null ? -1 : head.position().orElse(-1);
    long published = at.index();
    Duration standing = Duration.between(at.since(), clock.instant());
    boolean stuck = last > published && standing.compareTo(stuckAfter) > 0;
    Health.Builder health = stuck ? Health.down() : Health.up();
    health
        .withDetail("position", published)
        .withDetail("since", at.since().toString())
        .withDetail("lastStoredIndex", last)
        .withDetail("stuckAfter", stuckAfter.toString());
    if (stuck) {
      health.withDetail(
          "reason",
          "no event published for "
              + standing.toSeconds()
              + " s although the event store holds events after global index "
              + published
              + "; see the publisher's log");
    }
    return health.build();
  }
}

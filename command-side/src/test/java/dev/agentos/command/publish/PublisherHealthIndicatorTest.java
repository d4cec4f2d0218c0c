package dev.agentos.command.publish;

import static dev.agentos.command.publish.TestEvents.registered;
import static dev.agentos.command.publish.TestEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A publisher standing still is DOWN only while events wait behind it, after the grace time. */
class PublisherHealthIndicatorTest {

  private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

  private final MovableClock clock = new MovableClock(TestEvents.T0);
  private final PublisherPosition position = new PublisherPosition(clock);
  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final PublisherHealthIndicator indicator =
      new PublisherHealthIndicator(position, store, clock, STUCK_AFTER);

  @AfterEach
  void close() {
    store.shutDown();
  }

  @Test
  void isDownWhenItStoodAtOnePositionLongerThanAllowedWithLaterEventsInTheStore() {
    store.publish(stored("a", 0, registered("a")), stored("b", 0, registered("b")));
    position.at(new GlobalSequenceTrackingToken(0));

    clock.advance(STUCK_AFTER);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    clock.advance(Duration.ofSeconds(1));
    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("position", 0L)
        .containsEntry("since", "2026-11-24T12:00:00Z")
        .containsEntry("lastStoredIndex", 1L);
    assertThat((String) health.getDetails().get("reason"))
        .contains("no event published for 121 s")
        .contains("after global index 0");
  }

  @Test
  void isUpAgainOnceItMovesOn() {
    store.publish(stored("a", 0, registered("a")), stored("b", 0, registered("b")));
    position.at(null);
    clock.advance(Duration.ofMinutes(10));
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

    position.at(new GlobalSequenceTrackingToken(0));

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(indicator.health().getDetails())
        .containsEntry("since", "2026-11-24T12:10:00Z")
        .containsEntry("position", 0L);
  }

  @Test
  void isUpWhenIdleWithNothingLeftToPublishHoweverLong() {
    store.publish(stored("a", 0, registered("a")));
    position.at(new GlobalSequenceTrackingToken(0));

    clock.advance(Duration.ofDays(3));

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void isUpOnAnEmptyStore() {
    clock.advance(Duration.ofDays(3));

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(indicator.health().getDetails()).containsEntry("position", -1L);
  }

  @Test
  void isUnknownWhereThePublisherIsDisabled() {
    store.publish(stored("a", 0, registered("a")));
    clock.advance(Duration.ofDays(3));

    assertThat(new PublisherHealthIndicator(null, store, clock, STUCK_AFTER).health().getStatus())
        .isEqualTo(Status.UNKNOWN);
  }

  /** A fixed clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

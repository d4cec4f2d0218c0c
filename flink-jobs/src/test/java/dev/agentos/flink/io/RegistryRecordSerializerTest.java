package dev.agentos.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistryRecordSerializerTest {

  private static final long NOW = Instant.parse("2026-12-07T20:00:00Z").toEpochMilli();

  @Test
  void aPastEventIsStampedWithItsEventTime() {
    long lastWeek = NOW - Duration.ofDays(7).toMillis();

    assertThat(RegistryRecordSerializer.stampOf(lastWeek, NOW)).isEqualTo(lastWeek);
  }

  @Test
  void anEventAheadOfTheClockIsStampedNowSoTheBrokerTakesIt() {
    // A day window a replay closes at its end: it ends up to a day after the last activity.
    long tomorrow = NOW + Duration.ofDays(1).toMillis();

    assertThat(RegistryRecordSerializer.stampOf(tomorrow, NOW)).isEqualTo(NOW);
  }
}

package dev.agentos.projections.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.projections.health.StalledSegments.Observation;
import dev.agentos.projections.health.StalledSegments.Stalled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StalledSegmentsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final TopicPartition P0 = new TopicPartition("agentos.memory.v1", 0);

  private final MovableClock clock = new MovableClock(T0);
  private final StalledSegments segments = new StalledSegments(Duration.ofMinutes(1), clock);

  @Test
  void aSegmentThatHasNotMovedForTheWhileWithRecordsBehindItIsStalledSinceItLastMoved() {
    assertThat(segments.observe(List.of(at(41, 100)))).isEmpty();
    clock.now = T0.plusSeconds(59);
    assertThat(segments.observe(List.of(at(41, 100)))).as("not yet a minute").isEmpty();
    clock.now = T0.plusSeconds(60);

    List<Stalled> stalled = segments.observe(List.of(at(41, 100)));

    assertThat(stalled).containsExactly(new Stalled("memory-search", 2, Map.of(P0, 41L), T0, 58));
  }

  @Test
  void aSegmentThatMovesIsNotStalledAndItsWhileStartsAgain() {
    segments.observe(List.of(at(41, 100)));
    clock.now = T0.plusSeconds(50);
    segments.observe(List.of(at(42, 100)));
    clock.now = T0.plusSeconds(100);

    assertThat(segments.observe(List.of(at(42, 100)))).as("moved 50 s ago").isEmpty();
    clock.now = T0.plusSeconds(110);
    assertThat(segments.observe(List.of(at(42, 100))))
        .extracting(Stalled::since)
        .containsExactly(T0.plusSeconds(50));
  }

  @Test
  void anIdleSegmentWithNothingBehindItIsNotStalled() {
    segments.observe(List.of(at(99, 100)));
    clock.now = T0.plus(Duration.ofHours(1));

    assertThat(segments.observe(List.of(at(99, 100)))).isEmpty();
  }

  @Test
  void aCommitMarkerAfterTheLastRecordIsNotARecordBehind() {
    // Read up to 98; 99 is the transaction's commit marker; the partition ends at 100.
    segments.observe(List.of(at(98, 100)));
    clock.now = T0.plus(Duration.ofHours(1));

    assertThat(segments.observe(List.of(at(98, 100)))).isEmpty();
  }

  @Test
  void aSegmentWithoutAPositionInAPartitionThatHoldsRecordsIsBehindFromTheStart() {
    Observation nothingRead = new Observation("metrics-influx", 0, Map.of(), Map.of(P0, 5L));
    segments.observe(List.of(nothingRead));
    clock.now = T0.plusSeconds(61);

    assertThat(segments.observe(List.of(nothingRead)))
        .extracting(Stalled::behind)
        .containsExactly(5L);
  }

  private static Observation at(long position, long end) {
    return new Observation("memory-search", 2, Map.of(P0, position), Map.of(P0, end));
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.source.RefusedRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;

class MemorySearchProjectionTest {

  /** MemoryEvents' events happened at this instant. */
  private static final Instant STORED = Instant.parse("2026-11-02T10:00:00Z");

  private final MemoryStored stored = MemoryEvents.stored("t1", "m1", "c1", "Prices round up");

  /** The writer is never called here: only the live/replay judgement is under test. */
  private MemorySearchProjection at(Instant now) {
    return new MemorySearchProjection(
        new MemorySearchIndexWriter(null, "unused", new MemoryDocuments(texts -> null)),
        () -> {},
        new RefusedRecords(letter -> {}, Clock.fixed(now, ZoneOffset.UTC)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aMemoryStoredAMomentAgoOutsideAReplayIsLive() {
    assertThat(at(STORED.plusMillis(300)).isLive(stored, ReplayStatus.REGULAR)).isTrue();
  }

  @Test
  void aReplayIsNeverLiveHoweverRecentTheEvent() {
    assertThat(at(STORED.plusMillis(300)).isLive(stored, ReplayStatus.REPLAY)).isFalse();
  }

  @Test
  void anOldMemoryReadOutsideAReplayIsARebuildNotLive() {
    Instant later = STORED.plus(MemorySearchProjection.LIVE_WITHIN).plus(Duration.ofSeconds(1));

    assertThat(at(later).isLive(stored, ReplayStatus.REGULAR)).isFalse();
  }
}

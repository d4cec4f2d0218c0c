package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.projections.wiring.ReadModelTopics;
import dev.agentos.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
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

  /**
   * A read counted in a memory's document would index its vector again: search load would become
   * indexing load. The reads are the Cassandra read model's.
   */
  @Test
  void readsNeverReachTheSearchIndex() {
    MemoryAccessed read =
        new MemoryAccessed(
            EventHeader.newBuilder(stored.getHeader()).setEventId("read-1").build(),
            List.of("m1"),
            null,
            MemoryAccessKind.SEARCH,
            null);

    assertThat(
            new AnnotationEventHandlerAdapter(at(STORED))
                .canHandle(GenericEventMessage.asEventMessage(read)))
        .isFalse();
    assertThat(ReadModelTopics.of(MemorySearchProjection.GROUP))
        .contains(Topics.MEMORY.name())
        .doesNotContain(Topics.MEMORY_ACCESS.name());
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

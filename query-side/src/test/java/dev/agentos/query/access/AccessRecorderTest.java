package dev.agentos.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Kafka's own MockProducer stands in for the broker; AccessRecorderIT uses the real one. */
class AccessRecorderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final AccessScope ALICE = new AccessScope("t1", "p1", "alice", "s1");
  private static final AccessScope BOB = new AccessScope("t1", "p1", "bob", null);

  private final MockProducer<String, SpecificRecord> producer =
      new MockProducer<>(
          true, null, new StringSerializer(), (Serializer<SpecificRecord>) (t, v) -> new byte[0]);

  private AccessRecorder recorder(Duration flushEvery, int maxBatchIds, int maxPendingIds) {
    return new AccessRecorder(
        producer,
        new AccessProperties(
            "unused:9092", "http://unused", "topic-x", flushEvery, maxBatchIds, maxPendingIds),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private List<MemoryAccessed> published() {
    return producer.history().stream().map(r -> (MemoryAccessed) r.value()).toList();
  }

  @Test
  void readsOfOneCallerAndKindBecomeOneEventInReadOrderOnClose() {
    AccessRecorder recorder = recorder(Duration.ofHours(1), 1000, 1000);
    recorder.record(ALICE, List.of("m1"), MemoryAccessKind.GET, null, null);
    recorder.record(BOB, List.of("m9"), MemoryAccessKind.GET, null, null);
    recorder.record(ALICE, List.of("m2", "m3"), MemoryAccessKind.GET, null, null);
    recorder.record(ALICE, List.of("m4"), MemoryAccessKind.SEARCH, "db", "c1");
    recorder.record(ALICE, List.of(), MemoryAccessKind.GET, null, null);
    assertThat(producer.history()).as("nothing before the interval or close").isEmpty();

    recorder.close();

    List<MemoryAccessed> events = published();
    assertThat(events).hasSize(3);
    MemoryAccessed alice = events.get(0);
    assertThat(alice.getMemoryIds()).containsExactly("m1", "m2", "m3");
    assertThat(alice.getAccessKind()).isEqualTo(MemoryAccessKind.GET);
    assertThat(alice.getHeader().getTenantId()).isEqualTo("t1");
    assertThat(alice.getHeader().getProjectId()).isEqualTo("p1");
    assertThat(alice.getHeader().getAgentId()).isEqualTo("alice");
    assertThat(alice.getHeader().getSessionId()).isEqualTo("s1");
    assertThat(alice.getHeader().getOccurredAt()).isEqualTo(NOW);
    assertThat(alice.getHeader().getSource()).isEqualTo("query-side");
    assertThat(events.get(1).getMemoryIds()).containsExactly("m9");
    assertThat(events.get(2).getQuery()).isEqualTo("db");
    assertThat(events.get(2).getContextId()).isEqualTo("c1");
    assertThat(events).extracting(e -> e.getHeader().getEventId()).doesNotHaveDuplicates();
    assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("topic-x");
    assertThat(producer.history())
        .extracting(ProducerRecord::key)
        .containsExactly("s1", "bob", "s1");
  }

  @Test
  void enoughWaitingIdsArePublishedBeforeTheInterval() throws InterruptedException {
    AccessRecorder recorder = recorder(Duration.ofHours(1), 3, 1000);
    recorder.record(ALICE, List.of("m1", "m2"), MemoryAccessKind.LIST, null, "c1");
    recorder.record(ALICE, List.of("m3"), MemoryAccessKind.LIST, null, "c1");

    for (int i = 0; i < 100 && producer.history().isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(e.getMemoryIds()).containsExactly("m1", "m2", "m3"));
    recorder.close();
  }

  @Test
  void theIntervalPublishesWithoutClose() throws InterruptedException {
    AccessRecorder recorder = recorder(Duration.ofMillis(50), 1000, 1000);
    recorder.record(BOB, List.of("m1"), MemoryAccessKind.GET, null, null);

    for (int i = 0; i < 100 && producer.history().isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(published()).hasSize(1);
    recorder.close();
    assertThat(published()).as("close has nothing left to send").hasSize(1);
  }

  @Test
  void idsBeyondThePendingLimitAreDroppedNotBuffered() {
    AccessRecorder recorder = recorder(Duration.ofHours(1), 1000, 3);
    recorder.record(ALICE, List.of("m1", "m2"), MemoryAccessKind.GET, null, null);
    recorder.record(ALICE, List.of("m3", "m4"), MemoryAccessKind.GET, null, null);
    recorder.record(ALICE, List.of("m5"), MemoryAccessKind.GET, null, null);

    recorder.close();

    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(e.getMemoryIds()).containsExactly("m1", "m2", "m5"));
  }
}

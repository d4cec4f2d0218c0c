package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A mock consumer stands in for Kafka: a poll that moves the position to the end without a record
 * is what a {@code read_committed} consumer does when only markers are left.
 */
class UnreadRecordsTest {

  private static final TopicPartition MARKER_ONLY = new TopicPartition("metrics", 0);
  private static final TopicPartition WITH_RECORD = new TopicPartition("metrics", 1);
  private static final TopicPartition AT_END = new TopicPartition("metrics", 2);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

  @Test
  void aPartitionWhoseRestIsMarkersHasNothingLeftOneWithARecordHas() {
    consumer.schedulePollTask(
        () -> {
          consumer.seek(MARKER_ONLY, 11);
          consumer.addRecord(new ConsumerRecord<>("metrics", 1, 7, new byte[0], new byte[0]));
        });

    assertThat(
            UnreadRecords.nothingLeft(
                consumer,
                Map.of(MARKER_ONLY, 10L, WITH_RECORD, 7L, AT_END, 4L),
                Map.of(MARKER_ONLY, 11L, WITH_RECORD, 9L, AT_END, 4L),
                Duration.ofSeconds(5)))
        .containsExactly(MARKER_ONLY);
    assertThat(consumer.assignment()).as("let go of what it read").isEmpty();
  }

  @Test
  void aPartitionNotReadToItsEndInTimeStillCountsAsBehind() {
    assertThat(
            UnreadRecords.nothingLeft(
                consumer, Map.of(MARKER_ONLY, 10L), Map.of(MARKER_ONLY, 11L), Duration.ZERO))
        .isEmpty();
  }
}

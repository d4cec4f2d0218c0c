package dev.agentos.deploy.local.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells which partitions really hold a record between a group's offset and the end. In a topic
 * written in transactions every transaction ends with a marker that takes an offset but is no
 * record, and a Flink source commits the offset after the last record it read, which is the
 * marker's: a caught-up job would look one record behind on every partition it read. A {@code
 * read_committed} consumer placed at the group's offset skips markers (and aborted records), so
 * reaching the end without a record means nothing is left to read.
 */
final class UnreadRecords {

  private static final Duration POLL = Duration.ofMillis(200);

  private UnreadRecords() {}

  /**
   * The partitions of {@code from} that have no record left before their end.
   *
   * @param consumer a {@code read_committed} consumer without a group; it is reassigned here
   * @param from each partition's committed offset
   * @param ends each partition's end as a {@code read_committed} reader sees it
   * @param wait how long to look before counting an undecided partition as unread
   */
  static Set<TopicPartition> nothingLeft(
      Consumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> ends,
      Duration wait) {
    Set<TopicPartition> undecided = new HashSet<>();
    from.forEach(
        (partition, offset) -> {
          if (ends.getOrDefault(partition, offset) > offset) {
            undecided.add(partition);
          }
        });
    if (undecided.isEmpty()) {
      return Set.of();
    }
    consumer.assign(undecided);
    undecided.forEach(partition -> consumer.seek(partition, from.get(partition)));
    Set<TopicPartition> nothingLeft = new HashSet<>();
    Instant deadline = Instant.now().plus(wait);
    while (!undecided.isEmpty() && Instant.now().isBefore(deadline)) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      undecided.removeAll(records.partitions());
      for (TopicPartition partition : List.copyOf(undecided)) {
        if (consumer.position(partition) >= ends.get(partition)) {
          undecided.remove(partition);
          nothingLeft.add(partition);
        }
      }
    }
    consumer.assign(List.of());
    return nothingLeft;
  }
}

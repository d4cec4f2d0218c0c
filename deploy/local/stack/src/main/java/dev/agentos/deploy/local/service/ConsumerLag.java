package dev.agentos.deploy.local.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a consumer group is behind: per partition it has committed an offset for, the records
 * between that offset and the partition's end, summed. The partitions a group committed are the
 * topics it reads (a Flink source commits each partition it has read from on every checkpoint), so
 * nothing needs to name them. Ends are read as a {@code read_committed} consumer sees them, since
 * the learning jobs read committed records only, and a partition whose remaining offsets hold only
 * transaction markers counts as caught up ({@link UnreadRecords}). Where records are left, the
 * markers among them count too: the lag is then an upper bound.
 */
final class ConsumerLag {

  /** Generous: a fresh Kafka creates its offsets topic when a group's offsets are first asked. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ConsumerLag() {}

  /**
   * The summed lag; empty when the group has committed nothing yet (a Flink source commits only
   * once it has read a record).
   *
   * @param caughtUp partitions with no record left before their end, whatever their offsets say
   */
  static OptionalLong of(
      Map<TopicPartition, Long> committed,
      Map<TopicPartition, Long> ends,
      Set<TopicPartition> caughtUp) {
    if (committed.isEmpty()) {
      return OptionalLong.empty();
    }
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> partition : committed.entrySet()) {
      Long end = ends.get(partition.getKey());
      if (end != null && !caughtUp.contains(partition.getKey())) {
        lag += Math.max(0, end - partition.getValue());
      }
    }
    return OptionalLong.of(lag);
  }

  /** Each group's lag, read from the Kafka at {@code bootstrapServers}. */
  static Map<String, OptionalLong> read(String bootstrapServers, List<String> groups)
      throws ExecutionException, InterruptedException, TimeoutException {
    int timeout = (int) TIMEOUT.toMillis();
    try (Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout));
        KafkaConsumer<byte[], byte[]> reader =
            new KafkaConsumer<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      Map<String, OptionalLong> lags = new LinkedHashMap<>();
      for (String group : groups) {
        Map<TopicPartition, Long> committed = committed(admin, group);
        Map<TopicPartition, Long> ends = ends(admin, committed);
        Set<TopicPartition> caughtUp = UnreadRecords.nothingLeft(reader, committed, ends, TIMEOUT);
        lags.put(group, of(committed, ends, caughtUp));
      }
      return lags;
    }
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return offsets.entrySet().stream()
        .filter(entry -> Objects.nonNull(entry.getValue()))
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  private static Map<TopicPartition, Long> ends(Admin admin, Map<TopicPartition, Long> partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> latest =
        partitions.keySet().stream()
            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    return admin
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }
}

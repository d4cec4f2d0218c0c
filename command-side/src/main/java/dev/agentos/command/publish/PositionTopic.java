package dev.agentos.command.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where each publisher keeps its position: one compacted topic of one partition, one key per
 * transactional id, the value {@link PositionJson}. The position is written in the same Kafka
 * transaction as the events it follows, so Kafka holds both or neither.
 *
 * <p>It is not in {@code Topics}: that registry declares the Avro event streams every module
 * shares, while this topic holds JSON only the publisher reads and no other module may depend on.
 */
final class PositionTopic {

  static final String NAME = "agentos.internal.publisher-position.v1";

  private static final TopicPartition PARTITION = new TopicPartition(NAME, 0);

  private PositionTopic() {}

  /** Creates the topic when it is missing; one partition, so its reads have one end to reach. */
  static void ensureExists(Admin admin, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(NAME)) {
      return;
    }
    // The broker's default replication factor: the cluster's, not one guessed here.
    NewTopic topic =
        new NewTopic(NAME, Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another publisher creating it at the same moment is fine
      }
    }
  }

  static ProducerRecord<String, byte[]> record(String transactionalId, TrackingToken position) {
    return new ProducerRecord<>(
        NAME, transactionalId, PositionJson.write(position).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The last committed position of {@code transactionalId}, empty when it has none (a tombstone
   * deletes it). Call it after {@code initTransactions()}, which ends this id's open transaction.
   *
   * <p>A read_committed consumer stops at the first open transaction of ANY publisher sharing the
   * partition, which may come before our own last commit. So it reads up to the high watermark
   * taken now, which covers every commit of ours, waiting for others' open transactions to end.
   */
  static Optional<TrackingToken> read(
      Admin admin, Consumer<String, byte[]> readCommitted, String transactionalId, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long end =
        admin
            .listOffsets(
                Map.of(PARTITION, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
            .partitionResult(PARTITION)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .offset();
    readCommitted.assign(List.of(PARTITION));
    readCommitted.seekToBeginning(List.of(PARTITION));
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] last = null;
    while (readCommitted.position(PARTITION, timeout) < end) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "the position topic "
                + NAME
                + " could not be read to offset "
                + end
                + " within "
                + timeout
                + ": a transaction of another publisher is still open there");
      }
      for (ConsumerRecord<String, byte[]> record : readCommitted.poll(Duration.ofMillis(200))) {
        if (transactionalId.equals(record.key())) {
          last = record.value();
        }
      }
    }
    return Optional.ofNullable(last)
        .map(json -> PositionJson.read(new String(json, StandardCharsets.UTF_8)));
  }
}

package dev.agentos.command.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker: a repeated event id reaches the canonical topic once. */
@ExtendWith(LocalStackExtension.class)
class DeduplicationIT {

  @Test
  void aRetriedEventReachesTheCanonicalTopicOnce(StackEndpoints stack, @TempDir Path state)
      throws Exception {
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    String repeated = UUID.randomUUID().toString();
    String single = UUID.randomUUID().toString();
    DeduplicationSettings settings =
        new DeduplicationSettings("dedup-it-" + UUID.randomUUID(), Duration.ofHours(24));

    try (DeduplicationStage stage =
            new DeduplicationStage(settings, stack.kafkaBootstrapServers(), registry, state);
        KafkaProducer<String, Object> producer = producer(stack, registry)) {
      stage.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> stage.state() == KafkaStreams.State.RUNNING);

      // The client's first try, its retry, and a different event with the same content.
      producer.send(new ProducerRecord<>(Topics.METRICS_RAW.name(), "s", metric(repeated))).get();
      producer.send(new ProducerRecord<>(Topics.METRICS_RAW.name(), "s", metric(repeated))).get();
      producer.send(new ProducerRecord<>(Topics.METRICS_RAW.name(), "s", metric(single))).get();

      List<String> ids = new ArrayList<>();
      try (KafkaConsumer<String, Object> consumer = consumer(stack, registry)) {
        consumer.subscribe(List.of(Topics.METRICS.name()));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> collect(consumer, ids, List.of(repeated, single)).contains(single));
        // The single event came after both copies of the repeated one: nothing else is due.
        collect(consumer, ids, List.of(repeated, single));
      }
      assertThat(ids).containsExactly(repeated, single);
    }
  }

  @Test
  void aRawRecordNearTheLimitIsADeadLetterWithinBoundsAndTheNextEventPasses(
      StackEndpoints stack, @TempDir Path state) throws Exception {
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    String next = UUID.randomUUID().toString();
    DeduplicationSettings settings =
        new DeduplicationSettings("dedup-it-" + UUID.randomUUID(), Duration.ofHours(24));
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[150_000]);
    for (int i = 0; i < 100; i++) {
      headers.add("h" + i, new byte[1_500]);
    }
    byte[] garbage = new byte[700_000];
    garbage[0] = 7; // not the wire format's magic byte

    try (DeduplicationStage stage =
            new DeduplicationStage(settings, stack.kafkaBootstrapServers(), registry, state);
        KafkaProducer<String, Object> producer = producer(stack, registry);
        KafkaProducer<String, byte[]> bytes = bytesProducer(stack)) {
      stage.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> stage.state() == KafkaStreams.State.RUNNING);

      RecordMetadata big =
          bytes
              .send(new ProducerRecord<>(Topics.METRICS_RAW.name(), null, "big", garbage, headers))
              .get();
      producer.send(new ProducerRecord<>(Topics.METRICS_RAW.name(), "s", metric(next))).get();

      List<String> ids = new ArrayList<>();
      try (KafkaConsumer<String, Object> consumer = consumer(stack, registry)) {
        consumer.subscribe(List.of(Topics.METRICS.name()));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> collect(consumer, ids, List.of(next)).contains(next));
      }
      assertThat(stage.state()).isEqualTo(KafkaStreams.State.RUNNING);
      RecordDeadLettered letter = deadLetterOf(stack, registry, big, settings.applicationId());
      assertThat(letter.getReason())
          .startsWith("undecodable")
          .contains("[dead letter truncated: value 700000 bytes to 65536")
          .contains("header values to 1024 bytes: trace 150000");
    }
  }

  private static RecordDeadLettered deadLetterOf(
      StackEndpoints stack, SchemaRegistryClient registry, RecordMetadata source, String stage) {
    List<RecordDeadLettered> letters = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = consumer(stack, registry)) {
      consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          RecordDeadLettered letter = (RecordDeadLettered) r.value();
                          if (letter.getStage().equals(stage)
                              && letter.getSourceTopic().equals(source.topic())
                              && letter.getSourcePartition() == source.partition()
                              && letter.getSourceOffset() == source.offset()) {
                            letters.add(letter);
                          }
                        });
                return !letters.isEmpty();
              });
    }
    return letters.get(0);
  }

  private static KafkaProducer<String, byte[]> bytesProducer(StackEndpoints stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2_000_000),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static List<String> collect(
      KafkaConsumer<String, Object> consumer, List<String> ids, List<String> wanted) {
    consumer
        .poll(Duration.ofMillis(500))
        .forEach(
            r -> {
              String id = ((MetricRecorded) r.value()).getHeader().getEventId();
              if (wanted.contains(id)) {
                ids.add(id);
              }
            });
    return ids;
  }

  private static KafkaProducer<String, Object> producer(
      StackEndpoints stack, SchemaRegistryClient registry) {
    RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>(registry);
    values.configure(Map.of(), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        values);
  }

  private static KafkaConsumer<String, Object> consumer(
      StackEndpoints stack, SchemaRegistryClient registry) {
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>(registry);
    values.configure(Map.of(), false);
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dedup-it-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        values);
  }

  private static MetricRecorded metric(String eventId) {
    return MetricRecorded.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTenantId("tenant-it")
                .setProjectId("project-it")
                .setAgentId("agent-it")
                .setSource("kafka")
                .build())
        .setName("agent.tokens.used")
        .setKind(MetricKind.COUNTER)
        .setValue(1)
        .setUnit("tokens")
        .build();
  }
}

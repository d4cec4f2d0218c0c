package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An event produced with the registry serde to a topic created from the topic registry comes back
 * equal, in the Confluent wire format, under the subject {@code <topic>-<record name>}.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaAvroRoundTripIT {

  @Test
  void anEventMakesTheRoundTripThroughKafkaAndTheRegistry(StackEndpoints stack) throws Exception {
    String topic = Topics.METRICS.name();
    MetricRecorded sent = metric();
    Map<String, Object> serde =
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());

    RecordMetadata written;
    try (KafkaProducer<String, SpecificRecord> producer = producer(stack, serde)) {
      written = producer.send(new ProducerRecord<>(topic, "series-1", sent)).get();
    }

    TopicPartition partition = new TopicPartition(topic, written.partition());
    ConsumerRecord<String, byte[]> raw = readOne(stack, partition, written.offset());
    ByteBuffer wire = ByteBuffer.wrap(raw.value());
    assertThat(wire.get()).as("magic byte").isZero();
    int schemaId = wire.getInt();
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    assertThat(registry.getLatest(topic + "-" + MetricRecorded.getClassSchema().getFullName()).id())
        .isEqualTo(schemaId);

    try (RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>()) {
      deserializer.configure(serde, false);
      assertThat(deserializer.deserialize(topic, raw.value())).isEqualTo(sent);
    }
    assertThat(raw.key()).isEqualTo("series-1");
  }

  private static MetricRecorded metric() {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setTenantId("tenant-it")
            .setProjectId("project-it")
            .setAgentId("agent-it")
            .setSessionId("session-it")
            .setSource("kafka")
            .build();
    return MetricRecorded.newBuilder()
        .setHeader(header)
        .setName("agent.tokens.used")
        .setKind(MetricKind.COUNTER)
        .setValue(1234.0)
        .setUnit("tokens")
        .setTags(Map.of("tool", "bash"))
        .build();
  }

  private static KafkaProducer<String, SpecificRecord> producer(
      StackEndpoints stack, Map<String, Object> serde) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(serde, false);
    return new KafkaProducer<>(config, new StringSerializer(), serializer);
  }

  private static ConsumerRecord<String, byte[]> readOne(
      StackEndpoints stack, TopicPartition partition, long offset) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(30);
      while (records.isEmpty() && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      assertThat(records).as("record at offset " + offset).isNotEmpty();
      return records.get(0);
    }
  }
}

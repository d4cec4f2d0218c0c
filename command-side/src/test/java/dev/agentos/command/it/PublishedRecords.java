package dev.agentos.command.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading what a publisher wrote to Kafka, for integration tests. */
public final class PublishedRecords {

  private PublishedRecords() {}

  /**
   * A read_committed consumer of every partition of {@code topics}, from their current end: what it
   * reads was written after this call.
   */
  public static KafkaConsumer<String, byte[]> fromNow(StackEndpoints stack, Topic<?, ?>... topics) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      for (int p = 0; p < topic.partitions(); p++) {
        partitions.add(new TopicPartition(topic.name(), p));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fixes "now" before anything is sent
    return consumer;
  }

  public static SpecificRecord decode(
      SchemaRegistryClient registry, ConsumerRecord<String, byte[]> record) {
    RegistryAvroDeserializer<Object> reader = new RegistryAvroDeserializer<>(registry);
    reader.configure(Map.of(), false);
    return (SpecificRecord) reader.deserialize(record.topic(), record.value());
  }

  /** The text of the record's last header {@code key}, null when it has none. */
  public static String header(ConsumerRecord<String, byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}

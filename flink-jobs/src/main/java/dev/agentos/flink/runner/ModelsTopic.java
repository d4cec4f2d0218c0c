package dev.agentos.flink.runner;

import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The models topic's whole history (one partition, a few events per training), which a promotion is
 * decided against. Retraining and promotion write there ({@code ModelEventPublisher}); the
 * predictions job and the models read model read it.
 */
final class ModelsTopic {

  private static final Duration POLL = Duration.ofMillis(500);

  private final String bootstrapServers;
  private final String registryUrl;

  ModelsTopic(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
  }

  /** Every committed event on the topic, oldest first. */
  List<SpecificRecord> history() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    TopicPartition partition = new TopicPartition(Topics.MODELS.name(), 0);
    List<SpecificRecord> events = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, Object> record : consumer.poll(POLL)) {
          events.add((SpecificRecord) record.value());
        }
      }
    }
    return events;
  }
}

package dev.agentos.flink.runner;

import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The models topic as the operator commands see it: its whole history (one partition, a few events
 * per training), and a way to add to it. Retraining and promotion write here; the predictions job
 * and the models read model read it.
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

  /** Writes {@code events} in order, each acknowledged by every in-sync replica before return. */
  void publish(List<? extends SpecificRecord> events)
      throws InterruptedException, ExecutionException {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>();
    values.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (SpecificRecord event : events) {
        producer
            .send(new ProducerRecord<>(Topics.MODELS.name(), EventKeys.keyOf(event), event))
            .get();
      }
    }
  }
}

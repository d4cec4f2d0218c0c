package dev.agentos.flink.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes the jobs' inputs and reads their committed outputs, as AgentOS's own services would. */
public final class DerivedTopics {

  private final StackEndpoints stack;

  DerivedTopics(StackEndpoints stack) {
    this.stack = stack;
  }

  void publish(Topic<String, ?> topic, List<? extends SpecificRecord> events) throws Exception {
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer())) {
      for (SpecificRecord event : events) {
        producer.send(new ProducerRecord<>(topic.name(), EventKeys.keyOf(event), event)).get();
      }
    }
  }

  void publishRaw(Topic<String, ?> topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  /** Every committed event of {@code topic} that {@code wanted} accepts, in partition order. */
  <T extends SpecificRecord> List<T> committed(
      Topic<String, T> topic, Class<T> type, Predicate<T> wanted) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    List<T> found = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          if (type.isInstance(record.value()) && wanted.test(type.cast(record.value()))) {
            found.add(type.cast(record.value()));
          }
        }
      }
    }
    return found;
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  private RegistryAvroSerializer<SpecificRecord> serializer() {
    RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    return serializer;
  }
}

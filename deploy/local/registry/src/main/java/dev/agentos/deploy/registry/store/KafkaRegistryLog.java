package dev.agentos.deploy.registry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in a compacted single-partition Kafka topic (by default {@code _schemas}), as
 * Confluent keeps it. One partition keeps the changes in order; compaction keeps every version and
 * the last level per subject. Writes wait for {@code acks=all}, so an answered registration
 * survives a restart. Meant for one registry process: it does not follow writes of another.
 */
public final class KafkaRegistryLog implements RegistryLog {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryLog.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;

  private KafkaRegistryLog(String bootstrapServers, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.producer = new KafkaProducer<>(producerConfig(bootstrapServers));
  }

  /** Connects to Kafka, creating the compacted topic if it does not exist yet. */
  public static KafkaRegistryLog open(String bootstrapServers, String topic) {
    ensureTopic(bootstrapServers, topic);
    return new KafkaRegistryLog(bootstrapServers, topic);
  }

  @Override
  public List<RegistryEvent> readAll() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TopicPartition partition = new TopicPartition(topic, 0);
    List<RegistryEvent> events = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new StoreException("Replaying " + topic + " took longer than 2 minutes", null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          RegistryRecordCodec.decode(record.key(), record.value()).ifPresent(events::add);
        }
      }
    } catch (RuntimeException e) {
      if (e instanceof StoreException) {
        throw e;
      }
      throw new StoreException("Cannot replay topic " + topic + ": " + e, e);
    }
    return events;
  }

  @Override
  public void append(RegistryEvent event) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic, 0, RegistryRecordCodec.key(event), RegistryRecordCodec.value(event));
    try {
      producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StoreException("Kafka refused the write to " + topic, e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException("Kafka did not acknowledge the write to " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while writing to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private static Properties producerConfig(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  private static void ensureTopic(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT.toMillis());
    try (Admin admin = Admin.create(config)) {
      Set<String> topics = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!topics.contains(topic)) {
        create(admin, topic);
      }
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      if (description.partitions().size() != 1) {
        throw new StoreException(
            "Topic "
                + topic
                + " has "
                + description.partitions().size()
                + " partitions; the registry needs exactly one to keep changes in order",
            null);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreException("Cannot prepare topic " + topic + " on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while preparing topic " + topic, e);
    }
  }

  private static void create(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    NewTopic newTopic =
        new NewTopic(topic, Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get();
      LOG.info("Created compacted topic {}", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}

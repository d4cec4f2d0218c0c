package dev.agentos.command.publish;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients of one publishing session, all for one transactional id. */
final class PublisherClients {

  /**
   * The producer's {@code max.request.size}, Kafka's default written out: the largest record the
   * publisher sends, and with each topic's {@code max.message.bytes} the {@link RecordSizeLimit}.
   */
  static final int MAX_REQUEST_SIZE = 1_048_576;

  private final String bootstrapServers;
  private final String transactionalId;

  PublisherClients(String bootstrapServers, String transactionalId) {
    this.bootstrapServers = bootstrapServers;
    this.transactionalId = transactionalId;
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG,
            transactionalId + "-admin"));
  }

  /** Transactional, hence idempotent with acks=all; values are already in the wire format. */
  Producer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG,
            transactionalId,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            transactionalId,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            // A broker that cannot be reached fails a call in 15 s, not the default 60 s, so the
            // outage is logged promptly and a shutdown is not held up for a minute.
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            15_000,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            MAX_REQUEST_SIZE),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** Reads only committed positions, by partition assignment: no consumer group is involved. */
  Consumer<String, byte[]> positionReader() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            transactionalId + "-position",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}

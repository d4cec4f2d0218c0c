package dev.agentos.projections.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes as Flink's exactly-once Kafka sink does: a transactional producer, values in the
 * registry's wire format, each keyed as {@link EventKeys} keys it. Events go to the stage's first
 * topic unless a topic is named.
 */
public final class TransactionalPublisher implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>();
  private final String topic;

  TransactionalPublisher(StackEndpoints stack, String topic, String transactionalId) {
    this.topic = topic;
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId),
            new StringSerializer(),
            new ByteArraySerializer());
    producer.initTransactions();
  }

  /** {@code events} on the first topic, in one committed transaction. */
  public void committed(SpecificRecord... events) {
    committed(topic, events);
  }

  /** {@code events} on {@code to}, in one committed transaction. */
  public void committed(String to, SpecificRecord... events) {
    producer.beginTransaction();
    send(to, events);
    producer.commitTransaction();
  }

  /** {@code events} on the first topic, then their transaction aborted. */
  public void aborted(SpecificRecord... events) {
    aborted(topic, events);
  }

  /** {@code events} on {@code to}, then their transaction aborted. */
  public void aborted(String to, SpecificRecord... events) {
    producer.beginTransaction();
    send(to, events);
    producer.flush(); // on the topic, then aborted: only read_committed skips it
    producer.abortTransaction();
  }

  private void send(String to, SpecificRecord... events) {
    for (SpecificRecord event : events) {
      producer.send(new ProducerRecord<>(to, EventKeys.keyOf(event), values.serialize(to, event)));
    }
  }

  @Override
  public void close() {
    producer.close();
    values.close();
  }
}

package dev.agentos.flink.prediction.training;

import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes model events to {@link Topics#MODELS} in the registry's wire format, keyed {@code
 * tenantId/modelName} as {@link EventKeys} keys them, stamped with their event time. The producer
 * is idempotent and waits for every in-sync replica, so a retried send is not written twice; a
 * rerun of the whole retraining makes new versions, and the events' ids (from tenant, model and
 * version) let readers drop any duplicate that still gets through.
 */
public final class ModelEventPublisher implements AutoCloseable {

  private final KafkaProducer<String, SpecificRecord> producer;

  public ModelEventPublisher(String bootstrapServers, String registryUrl) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "agentos-retrain");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    RegistryAvroSerializer<SpecificRecord> values = new RegistryAvroSerializer<>();
    values.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    producer = new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** Sends {@code event} and waits until Kafka has it. */
  public void publish(SpecificRecord event) throws InterruptedException, ExecutionException {
    long eventTime = EventKeys.headerOf(event).getOccurredAt().toEpochMilli();
    producer
        .send(
            new ProducerRecord<>(
                Topics.MODELS.name(), null, eventTime, EventKeys.keyOf(event), event))
        .get();
  }

  @Override
  public void close() {
    producer.close();
  }
}

package dev.agentos.command.ingest;

import dev.agentos.command.CommandSideProperties;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's Kafka producer and the batch handling that uses it. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

  /**
   * One producer for every request: it is thread-safe and batches concurrent requests together.
   * {@code acks=all} plus idempotence means an acknowledged event is on every in-sync replica,
   * exactly once per send, in order per partition even with five requests in flight.
   */
  @Bean(destroyMethod = "close")
  Producer<String, SpecificRecord> ingestProducer(CommandSideProperties properties) {
    Duration ackTimeout = properties.ingest().ackTimeout();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "agentos-ingest");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Kafka gives up on a record within the gateway's wait, so every answer is a definite one.
    long request = Math.min(10_000, ackTimeout.toMillis() / 2);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
    // send() blocks while the cluster's metadata is unknown; a request must not hang on it.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, request);
    RegistryAvroSerializer<SpecificRecord> values =
        new RegistryAvroSerializer<>(SchemaRegistryClient.connect(properties.registry().url()));
    values.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  @Bean
  EventBatchIngest eventBatchIngest(
      Producer<String, SpecificRecord> ingestProducer,
      Clock clock,
      CommandSideProperties properties) {
    // Kafka's own delivery timeout ends first; the margin covers the last sends' linger.
    Duration wait = properties.ingest().ackTimeout().plusSeconds(2);
    return new EventBatchIngest(
        ingestProducer, new RawEventReader(clock), properties.ingest().maxEvents(), wait);
  }
}

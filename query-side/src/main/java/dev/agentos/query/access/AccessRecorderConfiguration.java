package dev.agentos.query.access;

import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The producer that records reads, configured as the command side's ingest producer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class AccessRecorderConfiguration {

  /**
   * {@code acks=all} plus idempotence: an acknowledged access event is on every in-sync replica,
   * once. Only the recorder's own thread sends, so its blocking on unknown metadata never reaches a
   * read.
   */
  @Bean(destroyMethod = "close")
  Producer<String, SpecificRecord> accessProducer(AccessProperties properties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "agentos-query-access");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    RegistryAvroSerializer<SpecificRecord> values =
        new RegistryAvroSerializer<>(SchemaRegistryClient.connect(properties.registryUrl()));
    values.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** Closed before the producer it uses, so its last flush still reaches Kafka. */
  @Bean(destroyMethod = "close")
  AccessRecorder accessRecorder(
      Producer<String, SpecificRecord> accessProducer, AccessProperties properties, Clock clock) {
    return new AccessRecorder(accessProducer, properties, clock);
  }
}

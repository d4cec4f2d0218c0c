package dev.agentos.benchmarks;

import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The floor of every consumer of AgentOS's topics: one plain Kafka consumer reading topics from
 * offset zero to their current ends and decoding every record from the registry wire format, in
 * this process. A replay or a job reading the same records cannot be faster than this; how close it
 * comes is the figure.
 */
public final class PlainConsumer {

  /** What one read of the topics took. */
  public record Read(long records, long undecodable, double seconds) {

    public double perSecond() {
      return records / seconds;
    }
  }

  private final String bootstrapServers;
  private final String registryUrl;

  public PlainConsumer(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
  }

  /** Reads and decodes {@code topics} from the start to their ends, then prints a line on out. */
  public Read readAll(Collection<String> topics, PrintStream out) {
    RegistryAvroDeserializer<Object> values =
        new RegistryAvroDeserializer<>(SchemaRegistryClient.connect(registryUrl));
    values.configure(Map.of(), false);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "bench-plain-consumer-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    // Bytes first, decoded here: the shared topics hold records other runs made undecodable on
    // purpose (dead-letter tests), which a deserializing consumer cannot get past.
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(
                  topic ->
                      consumer.partitionsFor(topic).stream()
                          .map(p -> new TopicPartition(topic, p.partition())))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long started = System.nanoTime();
      long records = 0;
      long undecodable = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records++;
          try {
            values.deserialize(record.topic(), record.value());
          } catch (RuntimeException e) {
            undecodable++;
          }
        }
      }
      Read read = new Read(records, undecodable, (System.nanoTime() - started) / 1e9);
      out.printf(
          Locale.ROOT,
          "  plain consumer read %,d records of %s in %.1f s: %,.0f records/s (%,d undecodable)%n",
          read.records(),
          topics,
          read.seconds(),
          read.perSecond(),
          read.undecodable());
      return read;
    }
  }
}

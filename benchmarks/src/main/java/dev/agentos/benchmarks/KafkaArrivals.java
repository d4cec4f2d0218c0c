package dev.agentos.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each record key first reached a topic, seen by a consumer of the benchmark's own (no group,
 * every partition assigned, from the end): with {@code read_committed} that is when the publisher's
 * transaction committed, the moment a projection can read it; with {@code read_uncommitted} when
 * the record was appended. Also keeps the record timestamp, the publisher's send time. The
 * consumers use Kafka's default fetch settings, like the projections', so they wait as long.
 */
final class KafkaArrivals implements AutoCloseable {

  /** One key's first record: its timestamp and when this consumer received it (epoch millis). */
  record Arrival(long recordTimestamp, long receivedAt) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
  private final Thread thread;

  /** Starts reading {@code topic} from its current end; returns once positioned there. */
  KafkaArrivals(String bootstrapServers, String topic, String isolationLevel) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, before any memory is stored
    thread = new Thread(this::consume, "bench-arrivals-" + isolationLevel);
    thread.setDaemon(true);
    thread.start();
  }

  /** The first arrival of {@code key}, or null while none has come. */
  Arrival of(String key) {
    return arrivals.get(key);
  }

  private void consume() {
    try {
      while (true) {
        var records = consumer.poll(Duration.ofSeconds(1));
        long receivedAt = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
          if (record.key() != null) {
            arrivals.putIfAbsent(record.key(), new Arrival(record.timestamp(), receivedAt));
          }
        }
      }
    } catch (WakeupException closing) {
      // close() ends the loop
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5_000);
  }
}

package dev.agentos.command.dedup;

import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the dedup topology with exactly-once processing: the canonical write, the dead letter and
 * the remembered event id commit together with the consumed offset, so a crash neither loses an
 * event nor lets its retry through.
 */
public final class DeduplicationStage implements AutoCloseable {

  private final KafkaStreams streams;

  public DeduplicationStage(
      DeduplicationSettings settings,
      String bootstrapServers,
      SchemaRegistryClient registry,
      Path stateDir) {
    streams =
        new KafkaStreams(
            DeduplicationTopology.build(settings, registry),
            properties(settings, bootstrapServers, stateDir));
  }

  /** The stage's Kafka Streams settings. */
  static Properties properties(
      DeduplicationSettings settings, String bootstrapServers, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // Exactly-once commits are transactions; 100 ms keeps ingest-to-canonical latency low.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    // A record that can never be sent is skipped with a log line instead of killing the thread.
    // Deserialization needs no handler: the sources read String keys and byte[] values, which
    // cannot fail; the processor decodes the values itself and dead-letters what it cannot read.
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, UnsendableRecordHandler.class);
    return props;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}

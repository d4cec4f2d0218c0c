package dev.agentos.command.dedup;

import dev.agentos.command.CommandSideProperties;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeduplicationStage} inside the command side while the application runs, unless
 * {@code agentos.dedup.enabled} is false (where another process runs it). Every instance shares one
 * Kafka Streams application id, so instances split the raw partitions and take over each other's on
 * failure; closing the application closes the stage, committing what it processed.
 */
@Component
@ConditionalOnProperty(
    prefix = "agentos.dedup",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class DeduplicationLifecycle implements SmartLifecycle {

  private final DeduplicationSettings settings;
  private final String bootstrapServers;
  private final String registryUrl;
  private final Path stateDir;
  private volatile DeduplicationStage stage;

  public DeduplicationLifecycle(CommandSideProperties properties) {
    CommandSideProperties.Dedup dedup = properties.dedup();
    // Fails the start-up on a window under 24 h rather than deduplicating too little.
    this.settings = new DeduplicationSettings(dedup.applicationId(), dedup.window());
    this.bootstrapServers = properties.kafka().bootstrapServers();
    this.registryUrl = properties.registry().url();
    this.stateDir = Path.of(dedup.stateDir());
  }

  @Override
  public synchronized void start() {
    if (stage == null) {
      DeduplicationStage started =
          new DeduplicationStage(
              settings, bootstrapServers, SchemaRegistryClient.connect(registryUrl), stateDir);
      started.start();
      stage = started;
    }
  }

  @Override
  public synchronized void stop() {
    if (stage != null) {
      stage.close();
      stage = null;
    }
  }

  @Override
  public boolean isRunning() {
    return stage != null;
  }

  /** The Kafka Streams state, e.g. to wait for RUNNING; NOT_RUNNING when stopped. */
  public KafkaStreams.State state() {
    DeduplicationStage current = stage;
    return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
  }

  public DeduplicationSettings settings() {
    return settings;
  }
}

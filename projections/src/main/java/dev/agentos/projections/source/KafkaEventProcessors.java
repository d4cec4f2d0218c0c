package dev.agentos.projections.source;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.projections.wiring.ReadModelTopics;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pooled streaming processor per configured processing group, each reading its own topics
 * through Axon's Kafka source with its token (partition → offset) in the JDBC token store. Events
 * of one record key stay in one segment, so a memory's events are handled in order however many
 * segments there are. Records that cannot be decoded, and handlers that keep failing, end on the
 * dead-letter topic and the group goes on.
 */
@Configuration
@EnableConfigurationProperties(KafkaSourceProperties.class)
public class KafkaEventProcessors {

  /** The record key: memory and context events are keyed by aggregate (see {@code Topics}). */
  static final SequencingPolicy<EventMessage<?>> BY_RECORD_KEY =
      event -> {
        KafkaRecordOrigin origin = KafkaRecordOrigin.of(event);
        if (origin == null) {
          return event.getIdentifier();
        }
        return origin.sequencingKey();
      };

  /** Records fetched ahead per open stream. */
  /** How often a processor looks for unclaimed segments, and a caught-up one for work. */
  private static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(1);

  private static final int BUFFER_CAPACITY = 1_000;

  @Bean(destroyMethod = "close")
  KafkaDeadLetterSink deadLetterSink(KafkaSourceProperties properties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    RegistryAvroSerializer<RecordDeadLettered> serializer = new RegistryAvroSerializer<>();
    serializer.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, properties.schemaRegistryUrl()), false);
    return new KafkaDeadLetterSink(new KafkaProducer<>(config, new StringSerializer(), serializer));
  }

  /** Sets aside the records of items a read model's store refuses for good. */
  @Bean
  RefusedRecords refusedRecords(KafkaDeadLetterSink deadLetters, Clock clock) {
    return new RefusedRecords(deadLetters, clock);
  }

  /** Polls Kafka on its own threads, one per open stream; stopped with the application. */
  @Bean(destroyMethod = "shutdown")
  AsyncFetcher<String, byte[], KafkaEventMessage> kafkaFetcher() {
    return AsyncFetcher.<String, byte[], KafkaEventMessage>builder().build();
  }

  @Bean
  ConfigurerModule kafkaEventProcessorsModule(
      KafkaSourceProperties properties,
      KafkaDeadLetterSink deadLetters,
      AsyncFetcher<String, byte[], KafkaEventMessage> fetcher,
      Clock clock) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                properties
                    .processors()
                    .forEach(
                        (group, processor) -> {
                          if (processor.enabled()) {
                            register(
                                processing,
                                group,
                                processor,
                                properties,
                                fetcher,
                                deadLetters,
                                clock);
                          }
                        }));
  }

  private static void register(
      EventProcessingConfigurer processing,
      String group,
      KafkaSourceProperties.Processor processor,
      KafkaSourceProperties properties,
      AsyncFetcher<String, byte[], KafkaEventMessage> fetcher,
      DeadLetterSink deadLetters,
      Clock clock) {
    List<String> topics = topicsOf(group, processor);
    String name = processor.processorName(group);
    KafkaSourceProperties.DeadLetterPolicy policy = properties.deadLetters();
    processing
        .assignProcessingGroup(group, name)
        .registerPooledStreamingEventProcessor(
            name,
            configuration -> source(topics, properties, fetcher, configuration.serializer()),
            (configuration, builder) ->
                builder
                    .initialSegmentCount(processor.segments())
                    .batchSize(processor.batchSize())
                    // A caught-up coordinator whose source has an availability callback looks
                    // again only after this interval; Axon's 5 s delayed the caught-up flag (and a
                    // replay's end) by that much.
                    .tokenClaimInterval(TOKEN_CLAIM_INTERVAL.toMillis())
                    // Not Axon's default ReplayToken: a read model built from zero is not a replay.
                    .initialToken(
                        source ->
                            processor.startAt() == KafkaSourceProperties.Processor.StartAt.LATEST
                                ? source.createHeadToken()
                                : source.createTailToken()))
        .registerSequencingPolicy(group, configuration -> BY_RECORD_KEY)
        .registerListenerInvocationErrorHandler(
            group,
            configuration ->
                new RetryThenDeadLetter(
                    group, policy.attempts(), policy.firstPause(), deadLetters, clock))
        .registerEventHandler(
            configuration -> new UndecodableRecordHandler(group, deadLetters, clock))
        .assignHandlerInstancesMatching(
            group,
            Integer.MAX_VALUE,
            handler ->
                handler instanceof UndecodableRecordHandler undecodable
                    && undecodable.processingGroup().equals(group));
  }

  /** The topics a group reads: its configured ones, else its read model's defaults. */
  public static List<String> topicsOf(String group, KafkaSourceProperties.Processor processor) {
    List<String> topics =
        processor.topics().isEmpty() ? ReadModelTopics.of(group) : processor.topics();
    if (topics.isEmpty()) {
      throw new IllegalStateException(
          "processing group "
              + group
              + " reads no topic: set agentos.projections.processors."
              + group
              + ".topics");
    }
    return topics;
  }

  private static StreamableMessageSource<TrackedEventMessage<?>> source(
      List<String> topics,
      KafkaSourceProperties properties,
      AsyncFetcher<String, byte[], KafkaEventMessage> fetcher,
      Serializer tokens) {
    GeneratedAvroClasses.trust();
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // The token is the position; Kafka's committed offsets are never used.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A token position whose records retention has deleted resumes at the oldest record still
    // held; Kafka's default, latest, would silently skip everything the partition still holds.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The command side publishes in Kafka transactions (ADR 0002), and Flink the derived topics:
    // never read aborted attempts.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(
        Map.of(
            RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
            properties.schemaRegistryUrl(),
            RegistrySerdeConfig.SPECIFIC_AVRO_READER,
            true),
        false);
    // Streams that wake the processor as records arrive instead of every 500 ms.
    return new NotifyingKafkaMessageSource(
        buffers ->
            StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(topics)
                .consumerFactory(config)
                .fetcher(fetcher)
                // In poll order, not sorted by timestamp: see PollOrderBuffer for the events it
                // lost.
                .bufferFactory(buffers)
                // Axon's configured (Jackson) serializer, not the extension's default XStream one.
                .serializer(tokens)
                .messageConverter(new AvroRecordConverter(values))
                .build(),
        BUFFER_CAPACITY);
  }
}

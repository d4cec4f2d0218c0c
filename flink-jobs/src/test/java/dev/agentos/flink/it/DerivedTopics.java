package dev.agentos.flink.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.flink.io.TopicCopies;
import dev.agentos.flink.io.TopicCopies.Keeping;
import dev.agentos.flink.job.Checkpoints;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the jobs' inputs and reads their committed outputs, as AgentOS's own services would, and
 * runs a job bounded over the topics as they stand: the stack's own topics, which the ITs of a JVM
 * share, or {@linkplain #ofOwnTopics copies of a test's own}.
 */
public final class DerivedTopics implements AutoCloseable {

  /**
   * The first history's start: midnight UTC, so hourly and daily windows align with it, and far
   * enough in the past that no history nor anything derived from it (a day window, a report a day
   * after the last input) is stamped later than now: the broker refuses records stamped more than
   * {@code message.timestamp.after.max.ms} (1 h by default) ahead of its clock.
   */
  private static final Instant FIRST_HISTORY = Instant.parse("2025-11-01T00:00:00Z");

  /** Apart enough that no history (a test's events span at most two days) reaches the next. */
  private static final Duration BETWEEN_HISTORIES = Duration.ofDays(10);

  private static final AtomicInteger HISTORIES = new AtomicInteger();

  private final StackEndpoints stack;
  private final TopicCopies copies;
  private final UnaryOperator<String> names;

  /**
   * Over the stack's own topics, for tests that run jobs as the stack does (by name, streaming).
   */
  DerivedTopics(StackEndpoints stack) {
    this(stack, null, UnaryOperator.identity());
  }

  private DerivedTopics(StackEndpoints stack, TopicCopies copies, UnaryOperator<String> names) {
    this.stack = stack;
    this.copies = copies;
    this.names = names;
  }

  /**
   * Over copies of every topic that only this instance writes and reads, keeping every record until
   * {@link #close}: what a replay finds and writes is this test's alone, whatever the JVM's other
   * tests left on the stack's topics (a later event time, a transaction still open), and a
   * compacted output keeps every record the job wrote.
   */
  static DerivedTopics ofOwnTopics(StackEndpoints stack) throws Exception {
    TopicCopies copies =
        TopicCopies.create(stack.kafkaBootstrapServers(), "it", Keeping.EVERY_RECORD);
    return new DerivedTopics(stack, copies, copies::nameOf);
  }

  /** The name this instance reads and writes {@code topic} under. */
  String nameOf(Topic<String, ?> topic) {
    return names.apply(topic.name());
  }

  @Override
  public void close() throws Exception {
    if (copies != null) {
      copies.close();
    }
  }

  void publish(Topic<String, ?> topic, List<? extends SpecificRecord> events) throws Exception {
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer())) {
      for (SpecificRecord event : events) {
        producer.send(new ProducerRecord<>(nameOf(topic), EventKeys.keyOf(event), event)).get();
      }
    }
  }

  /**
   * The start of a test's history of events, later than every history handed out before in this
   * JVM. The ITs of a JVM share the stack's topics, and a job (a replay, or a new job reading from
   * the start) reads all of a topic, whoever wrote it: a history published after another must not
   * be earlier in event time, or the job finds it behind the watermark and dead-letters it as late.
   */
  static Instant newHistoryStart() {
    return FIRST_HISTORY.plus(BETWEEN_HISTORIES.multipliedBy(HISTORIES.getAndIncrement()));
  }

  /** Writes {@code value} as it is, bypassing the serializer; says where it was written. */
  SourcePosition publishRaw(Topic<String, ?> topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
      RecordMetadata written = producer.send(new ProducerRecord<>(nameOf(topic), key, value)).get();
      return new SourcePosition(written.topic(), written.partition(), written.offset());
    }
  }

  /**
   * Runs job {@code name} as a replay, bounded to the topics' ends as they are now, on a
   * MiniCluster of parallelism 2, and returns once it has finished and committed its last
   * transaction. At the end of its input the watermark reaches the end of time, so every window and
   * report the history calls for is out.
   */
  void replay(String name, JobPipeline pipeline) throws Exception {
    Path checkpoints = Files.createTempDirectory(Path.of("target"), "checkpoints-");
    StreamExecutionEnvironment env =
        Checkpoints.environment(Duration.ofMillis(500), checkpoints.toAbsolutePath().toUri());
    env.setParallelism(2);
    KafkaSettings settings =
        KafkaSettings.streaming(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl())
            .boundedToEnd();
    pipeline.define(env, new KafkaJobIo(name, settings, names), settings.outOfOrderness());
    env.execute(name);
  }

  /** Every committed event of {@code topic} of {@code tenant}, in partition order. */
  <T extends SpecificRecord> List<T> committedOf(
      Topic<String, T> topic, Class<T> type, String tenant) {
    return committed(topic, type, event -> EventKeys.headerOf(event).getTenantId().equals(tenant));
  }

  /** The committed dead letters of the records written under {@code key}. */
  List<RecordDeadLettered> deadLettersKeyed(String key) {
    return committed(
        Topics.DEAD_LETTERS,
        RecordDeadLettered.class,
        letter ->
            letter.getKey() != null
                && new String(letter.getKey().array(), StandardCharsets.UTF_8).equals(key));
  }

  /** Every committed event of {@code topic} that {@code wanted} accepts, in partition order. */
  <T extends SpecificRecord> List<T> committed(
      Topic<String, T> topic, Class<T> type, Predicate<T> wanted) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    List<T> found = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(nameOf(topic)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          if (type.isInstance(record.value()) && wanted.test(type.cast(record.value()))) {
            found.add(type.cast(record.value()));
          }
        }
      }
    }
    return found;
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  private RegistryAvroSerializer<SpecificRecord> serializer() {
    RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    return serializer;
  }

  /** Adds one job's pipeline, reading and writing through {@code io}, to {@code env}. */
  @FunctionalInterface
  interface JobPipeline {
    void define(StreamExecutionEnvironment env, KafkaJobIo io, Duration outOfOrderness);
  }
}

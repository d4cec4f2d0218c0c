package dev.agentos.benchmarks.learning;

import dev.agentos.client.AgentOsClient;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.flink.features.FeaturesJob;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.io.TopicCopies;
import dev.agentos.flink.io.TopicCopies.Keeping;
import dev.agentos.flink.patterns.ErrorPatternsJob;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.TopicRole;
import dev.agentos.schemas.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./agentos bench learning}: a generated history of a tenant of its own written to copies of
 * the stack's topics ({@link TopicCopies}); the error-patterns and features jobs replayed over it
 * against a plain consumer; retraining on it, timed to a trained model; then, on the live stack,
 * how soon a new failure's pattern is readable over HTTP.
 */
public final class LearningBenchmark {

  private final StackEndpoints stack;
  private final AgentOsClient agent;
  private final long events;
  private final int parallelism;
  private final int probes;
  private final PrintStream out;

  /**
   * @param agent a key with EVENTS_WRITE and QUERY_READ, for the latency probes
   */
  public LearningBenchmark(
      StackEndpoints stack,
      AgentOsClient agent,
      long events,
      int parallelism,
      int probes,
      PrintStream out) {
    this.stack = stack;
    this.agent = agent;
    this.events = events;
    this.parallelism = parallelism;
    this.probes = probes;
    this.out = out;
  }

  public void run() throws Exception {
    GeneratedAvroClasses.trust(); // the models' announcements are built here
    KafkaSettings kafka =
        KafkaSettings.streaming(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    try (TopicCopies topics =
        TopicCopies.create(stack.kafkaBootstrapServers(), "bench", Keeping.AS_THE_TOPICS)) {
      generate(topics);
      JobThroughput throughput = new JobThroughput(kafka, topics, parallelism, out);
      throughput.measure(ErrorPatternsJob.NAME);
      throughput.measure(FeaturesJob.NAME);
      new RetrainTiming(kafka, topics, parallelism, out).measure();
    }
    new PatternLatency(agent, out).run(probes);
  }

  /** The topic the publisher copies {@code event} to, which the jobs read. */
  private static String canonicalOf(SpecificRecord event) {
    Topic<String, ?> producedTo = Topics.producedTo(event.getClass());
    return (producedTo.role() == TopicRole.RAW ? Topics.canonicalFor(producedTo) : producedTo)
        .name();
  }

  /** Writes the generated history to the bench topics, as fast as one producer goes. */
  private void generate(TopicCopies topics) throws Exception {
    String tenant = "bench-learning-" + UUID.randomUUID();
    // The span is an estimate (a tick's events vary): a margin of 2 % keeps the end in the past.
    Duration span = GeneratedHistory.spanOf(events);
    Instant start = Instant.now().minus(span).minus(span.dividedBy(50));
    RegistryAvroSerializer<SpecificRecord> values = new RegistryAvroSerializer<>();
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long started = System.nanoTime();
    Instant end;
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024),
            new StringSerializer(),
            values)) {
      end =
          new GeneratedHistory(tenant)
              .write(
                  events,
                  start,
                  event ->
                      producer.send(
                          new ProducerRecord<>(
                              topics.nameOf(canonicalOf(event)), EventKeys.keyOf(event), event),
                          (written, e) -> {
                            if (e != null) {
                              failure.compareAndSet(null, e);
                            }
                          }));
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("writing the history failed", failure.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "history: %,d events of tenant %s from %s to %s (%d agents, sessions of %d actions),"
            + " written in %.1f s (%,.0f events/s)%n",
        events,
        tenant,
        start,
        end,
        GeneratedHistory.AGENTS,
        GeneratedHistory.ACTIONS_PER_SESSION,
        seconds,
        events / seconds);
  }
}

package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The projections application against the real stack: memory events reach a handler in order and
 * once, a restart resumes from the token in PostgreSQL, and a poison record (garbage bytes, or an
 * event its handler keeps refusing) lands on the dead-letter topic while later records go through.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaEventSourceIT {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String processor = "it-source-" + run;
  private final String key = "memory-it-" + run; // one key: one partition, a defined order

  @Test
  void memoryEventsAreHandledInOrderOnceResumeAfterRestartAndPoisonIsDeadLettered(
      StackEndpoints stack) throws Exception {
    List<String> first = ids("a", 5);
    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      try (ConfigurableApplicationContext app = start(stack)) {
        // The shared topic holds hundreds of thousands of other records: the processor starts at
        // the end (start-at=latest), so produce only once its first token is stored.
        TokenStore tokens = app.getBean(TokenStore.class);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> tokens.fetchSegments(processor).length > 0);
        for (String id : first) {
          send(producer, stack, id, "content of " + id);
        }
        SeenEvents seen = app.getBean(SeenEvents.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ours(seen).size() >= 5);
        Thread.sleep(1000); // a second delivery, if any, would come now
        assertThat(ours(seen)).containsExactlyElementsOf(first);
      }

      List<String> second = ids("b", 3);
      RecordMetadata garbage =
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.MEMORY.name(), key, "garbage".getBytes(StandardCharsets.UTF_8)))
              .get();
      RecordMetadata refused = send(producer, stack, "memory-poison-" + run, "poison");
      for (String id : second) {
        send(producer, stack, id, "content of " + id);
      }

      try (ConfigurableApplicationContext app = start(stack)) {
        SeenEvents seen = app.getBean(SeenEvents.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ours(seen).size() >= 3);
        Thread.sleep(1000);
        assertThat(ours(seen)).as("resumed from the token").containsExactlyElementsOf(second);
      }

      List<RecordDeadLettered> letters = deadLetters(stack, garbage, refused);
      assertThat(letters).hasSize(2);
      assertThat(letters.get(0).getReason()).contains("cannot decode");
      assertThat(letters.get(0).getValue().array())
          .isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
      assertThat(letters.get(1).getReason()).contains("never takes poison");
      assertThat(letters.get(1).getAttempts()).isEqualTo(2);
    }
  }

  @AfterEach
  void deleteTokenRows(StackEndpoints stack) throws Exception {
    TokenRows.delete(stack, processor);
  }

  private ConfigurableApplicationContext start(StackEndpoints stack) {
    // As arguments, not default properties: those would lose to application.yml.
    return new SpringApplicationBuilder(ProjectionsApplication.class, Recorder.class)
        .run(
            "--spring.datasource.url=" + stack.postgresJdbcUrl(),
            "--spring.datasource.username=" + stack.postgresUser(),
            "--spring.datasource.password=" + stack.postgresPassword(),
            "--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers(),
            "--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl(),
            "--agentos.projections.dead-letters.attempts=2",
            "--agentos.projections.dead-letters.first-pause=10ms",
            "--agentos.projections.processors." + SeenEvents.GROUP + ".name=" + processor,
            "--agentos.projections.processors."
                + SeenEvents.GROUP
                + ".topics="
                + Topics.MEMORY.name(),
            "--agentos.projections.processors." + SeenEvents.GROUP + ".segments=2",
            "--agentos.projections.processors." + SeenEvents.GROUP + ".start-at=latest",
            // The read models are ReadModelsIT's business; they stay off here.
            "--agentos.projections.processors.memory-cassandra.enabled=false",
            "--agentos.projections.processors.memory-history.enabled=false",
            "--agentos.projections.processors.memory-search.enabled=false",
            "--agentos.projections.processors.metrics-influx.enabled=false",
            "--agentos.projections.processors.project-health-cassandra.enabled=false",
            // event-streams stays on (every non-raw topic, for Kibana): it needs this stack's ES.
            "--agentos.projections.stores.elasticsearch.url=" + stack.elasticsearchUrl(),
            "--server.port=0");
  }

  /** Only the test's read model; the application's own beans come from its component scan. */
  static class Recorder {
    @Bean
    SeenEvents seenEvents() {
      return new SeenEvents();
    }
  }

  /** Other producers write to the shared topic meanwhile. */
  private List<String> ours(SeenEvents seen) {
    return seen.memoryIds.stream().filter(id -> id.startsWith("memory-" + run + "-")).toList();
  }

  private List<String> ids(String batch, int count) {
    return IntStream.range(0, count).mapToObj(i -> "memory-" + run + "-" + batch + i).toList();
  }

  private RecordMetadata send(
      KafkaProducer<String, byte[]> producer, StackEndpoints stack, String memoryId, String content)
      throws Exception {
    byte[] value;
    try (RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>()) {
      serializer.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
      value =
          serializer.serialize(
              Topics.MEMORY.name(),
              SourceFixtures.memoryStored(UUID.randomUUID().toString(), memoryId, content));
    }
    return producer.send(new ProducerRecord<>(Topics.MEMORY.name(), key, value)).get();
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** The dead letters of this run's records, in the order of their offsets. */
  private List<RecordDeadLettered> deadLetters(StackEndpoints stack, RecordMetadata... records) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-deadletters-" + run,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    List<RecordDeadLettered> found = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          RecordDeadLettered letter = (RecordDeadLettered) r.value();
                          for (RecordMetadata record : records) {
                            if (letter.getStage().equals(SeenEvents.GROUP)
                                && letter.getSourcePartition() == record.partition()
                                && letter.getSourceOffset() == record.offset()) {
                              found.add(letter);
                            }
                          }
                        });
                return found.size() >= records.length;
              });
    }
    found.sort((a, b) -> Long.compare(a.getSourceOffset(), b.getSourceOffset()));
    return found;
  }
}

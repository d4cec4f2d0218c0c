package dev.agentos.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.source.AggregateSequence;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.readmodels.history.MemoryStatus;
import dev.agentos.readmodels.history.MemoryVersion;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.schemas.fixtures.MemoryEvents;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.streams.StreamIds;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code memory-history} projection on the real stack, alone, reading a topic of this run into
 * a keyspace of this run: Avro events published to Kafka become versions the reader answers; a
 * redelivered event changes none; a replay rebuilds the same versions; and until the projections
 * have created the table, the reader answers every memory as unknown.
 */
@ExtendWith(LocalStackExtension.class)
class MemoryHistoryProjectionIT {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");
  private static final Duration PROJECTED = Duration.ofSeconds(120);

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_history_" + run;
  private final String topic = "agentos.it.history-" + run + ".v1";
  private final String processor = "it-history-" + run;
  private final MemoryEvents memory = new MemoryEvents("tenant-" + run, "memory-" + run);
  private final MemoryEvents twin = new MemoryEvents("twin-" + run, memory.memoryId);

  @Test
  void eventsBecomeVersionsOnceAndAReplayRebuildsThem(StackEndpoints stack) throws Exception {
    createTopic(stack);
    try (CqlSession admin = session(stack, null);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      admin.execute(
          "CREATE KEYSPACE "
              + keyspace
              + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try (CqlSession before = session(stack, keyspace)) {
        assertThat(new MemoryHistoryReader(before).versions(memory.tenant, memory.memoryId))
            .as("no table yet: unknown, not a failure")
            .isEmpty();
      }
      List<SpecificRecord> life =
          List.of(
              memory.stored(T0, "first"),
              memory.updated(T0.plusSeconds(1), "second"),
              memory.related(T0.plusSeconds(2), "r1", "other"),
              memory.superseded(T0.plusSeconds(3), "newer"));
      for (int i = 0; i < life.size(); i++) {
        send(producer, record(stack, memory, life.get(i), i));
      }
      send(producer, record(stack, twin, twin.stored(T0, "twin's own"), 0));

      try (ConfigurableApplicationContext app = start(stack);
          CqlSession session = session(stack, keyspace)) {
        MemoryHistoryReader reader = new MemoryHistoryReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () -> assertThat(reader.versions(memory.tenant, memory.memoryId)).hasSize(4));
        List<MemoryVersion> versions = reader.versions(memory.tenant, memory.memoryId);
        assertThat(versions)
            .extracting(MemoryVersion::content)
            .containsExactly("first", "second", "second", "second");
        assertThat(versions.get(2).relations()).hasSize(1);
        assertThat(versions.get(3).status()).isEqualTo(MemoryStatus.SUPERSEDED);
        assertThat(reader.asOf(memory.tenant, memory.memoryId, T0.plusMillis(1500)))
            .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () ->
                    assertThat(reader.versions(twin.tenant, twin.memoryId))
                        .extracting(MemoryVersion::content)
                        .containsExactly("twin's own"));

        // Version 1 again (a redelivery), then a new event of the same memory: same key, same
        // partition, so once the new one shows the redelivered one has been written too.
        send(producer, record(stack, memory, life.get(1), 1));
        send(producer, record(stack, memory, memory.deleted(T0.plusSeconds(4)), 4));
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () -> assertThat(reader.versions(memory.tenant, memory.memoryId)).hasSize(5));
        List<MemoryVersion> live = reader.versions(memory.tenant, memory.memoryId);
        assertThat(live.subList(0, 4)).isEqualTo(versions);

        app.getBean(Replays.class).replay(MemoryHistoryProjection.GROUP);
        await()
            .atMost(PROJECTED)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    app.getBean(Replays.class).progress(MemoryHistoryProjection.GROUP).finished()
                        && reader.versions(memory.tenant, memory.memoryId).size() == 5);
        assertThat(reader.versions(memory.tenant, memory.memoryId)).isEqualTo(live);
      }
    } finally {
      cleanUp(stack);
    }
  }

  private ConfigurableApplicationContext start(StackEndpoints stack) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + stack.postgresJdbcUrl());
    args.add("--spring.datasource.username=" + stack.postgresUser());
    args.add("--spring.datasource.password=" + stack.postgresPassword());
    args.add("--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers());
    args.add("--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl());
    args.add(
        "--agentos.projections.stores.cassandra.contact-point=" + stack.cassandraContactPoint());
    args.add("--agentos.projections.stores.cassandra.datacenter=" + stack.cassandraDatacenter());
    args.add("--agentos.projections.stores.cassandra.keyspace=" + keyspace);
    // event-streams sets up its index templates even when disabled: point it at the stack's.
    args.add("--agentos.projections.stores.elasticsearch.url=" + stack.elasticsearchUrl());
    // The history alone: the other read models (and the embedding model) are not loaded.
    for (String other :
        List.of(
            "memory-cassandra",
            "memory-search",
            "metrics-influx",
            "event-streams",
            "project-health-cassandra")) {
      args.add("--agentos.projections.processors." + other + ".enabled=false");
    }
    String group = "--agentos.projections.processors." + MemoryHistoryProjection.GROUP;
    args.add(group + ".name=" + processor);
    args.add(group + ".topics=" + topic);
    return new SpringApplicationBuilder(ProjectionsApplication.class)
        .run(args.toArray(String[]::new));
  }

  private void createTopic(StackEndpoints stack) throws Exception {
    try (Admin admin = admin(stack)) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
  }

  private static Admin admin(StackEndpoints stack) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }

  private static CqlSession session(StackEndpoints stack, String keyspace) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    var builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter());
    return keyspace == null ? builder.build() : builder.withKeyspace(keyspace).build();
  }

  private void cleanUp(StackEndpoints stack) throws Exception {
    try (CqlSession admin = session(stack, null)) {
      MemorySchema.singleNode(keyspace).drop(admin);
    }
    try (Admin admin = admin(stack)) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
    TokenRows.delete(stack, processor);
  }

  /** A record as the command side publishes it: keyed by the memory, its sequence in a header. */
  private ProducerRecord<String, byte[]> record(
      StackEndpoints stack, MemoryEvents of, SpecificRecord event, long sequence) {
    byte[] value;
    try (RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>()) {
      serializer.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
      value = serializer.serialize(topic, event);
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, StreamIds.of(of.tenant, of.memoryId), value);
    record
        .headers()
        .add(AggregateSequence.HEADER, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> r)
      throws Exception {
    producer.send(r).get();
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}

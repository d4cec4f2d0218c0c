package dev.agentos.projections.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.wiring.ProcessorsOff;
import dev.agentos.readmodels.cassandra.Keyspace;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.patterns.Pattern;
import dev.agentos.readmodels.patterns.PatternFilter;
import dev.agentos.readmodels.patterns.PatternReader;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * The {@code patterns-cassandra} projection on the real stack, alone, reading a topic of this run
 * into a keyspace of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by pattern id. Snapshots become rows the reader answers; a
 * redelivered snapshot and an older one arriving late change nothing; a snapshot of an aborted
 * transaction is never read; a replay rebuilds the same rows.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later pattern shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class PatternsProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123Z");
  private static final Duration PROJECTED = Duration.ofSeconds(120);

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_patterns_" + run;
  private final String topic = "agentos.it.patterns-" + run + ".v1";
  private final String processor = "it-patterns-" + run;
  private final PatternSnapshots pattern =
      new PatternSnapshots("tenant-" + run, "p1", "pattern-" + run);

  /** Another project's pattern under the same id: ids are unique per project only. */
  private final PatternSnapshots twin =
      new PatternSnapshots(pattern.tenant, "p2", pattern.patternId);

  @Test
  void snapshotsBecomeTheLatestRowInAnyOrderOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    createTopic(stack);
    try (Publisher publisher = new Publisher(stack, topic, "it-patterns-" + run)) {
      PatternDetected first = pattern.error(T0, T0, 1, PatternStatus.NEW);
      PatternDetected second = pattern.error(T0, T0.plusSeconds(60), 3, PatternStatus.RECURRING);
      PatternDetected older = pattern.error(T0, T0.plusSeconds(30), 2, PatternStatus.RECURRING);
      publisher.committed(first, second, twin.error(T0, T0, 1, PatternStatus.NEW));

      try (ConfigurableApplicationContext app = start(stack);
          CqlSession session = session(stack)) {
        PatternReader reader = new PatternReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () ->
                    assertThat(own(reader))
                        .hasValueSatisfying(p -> assertThat(p.occurrences()).isEqualTo(3)));
        Pattern latest = own(reader).orElseThrow();
        assertThat(latest.status()).isEqualTo(PatternStatus.RECURRING);
        assertThat(latest.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(latest.eventId()).isEqualTo(second.getHeader().getEventId());
        assertThat(latest.examples()).hasSize(2);
        assertThat(latest.topFrames()).hasSize(2);
        assertThat(reader.pattern(pattern.tenant, "p2", pattern.patternId))
            .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PatternStatus.NEW));

        // An older snapshot late, the latest again (a redelivery), and a newer one that Flink's
        // transaction aborted; then a marker, which shows once all of them have been read.
        publisher.committed(older, second);
        publisher.aborted(pattern.error(T0, T0.plusSeconds(90), 99, PatternStatus.RISING));
        PatternSnapshots marker = new PatternSnapshots(pattern.tenant, "p1", "marker-" + run);
        publisher.committed(marker.error(T0, T0, 1, PatternStatus.NEW));
        await()
            .atMost(PROJECTED)
            .until(() -> reader.pattern(pattern.tenant, "p1", marker.patternId).isPresent());
        assertThat(own(reader)).contains(latest);
        assertThat(reader.list(pattern.tenant, "p1", PatternFilter.ANY, 10, null).items())
            .extracting(Pattern::patternId)
            .containsExactly(marker.patternId, pattern.patternId);
        listsFilterAndPageInIdOrder(reader, marker.patternId);

        app.getBean(Replays.class).replay(PatternsProjection.GROUP);
        await()
            .atMost(PROJECTED)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    app.getBean(Replays.class).progress(PatternsProjection.GROUP).finished()
                        && reader.pattern(pattern.tenant, "p1", marker.patternId).isPresent());
        assertThat(own(reader)).contains(latest);
      }
    } finally {
      cleanUp(stack);
    }
  }

  /** The list's filters are the table's storage-attached indexes, beside the cursor's slice. */
  private void listsFilterAndPageInIdOrder(PatternReader reader, String markerId) {
    Page<Pattern> first = reader.list(pattern.tenant, "p1", PatternFilter.ANY, 1, null);
    assertThat(first.items()).extracting(Pattern::patternId).containsExactly(markerId);
    Page<Pattern> second =
        reader.list(pattern.tenant, "p1", PatternFilter.ANY, 1, first.nextCursor());
    assertThat(second.items()).extracting(Pattern::patternId).containsExactly(pattern.patternId);
    assertThat(second.nextCursor()).isNull();

    PatternFilter recurringPythonErrors =
        new PatternFilter(PatternKind.ERROR, "python", T0.plusSeconds(60), PatternStatus.RECURRING);
    assertThat(reader.list(pattern.tenant, "p1", recurringPythonErrors, 5, null).items())
        .extracting(Pattern::patternId)
        .containsExactly(pattern.patternId);
    assertThat(
            reader.list(pattern.tenant, "p1", recurringPythonErrors, 5, first.nextCursor()).items())
        .extracting(Pattern::patternId)
        .containsExactly(pattern.patternId);
    PatternFilter later = new PatternFilter(null, null, T0.plusSeconds(61), null);
    assertThat(reader.list(pattern.tenant, "p1", later, 5, null).items()).isEmpty();
    PatternFilter successes = new PatternFilter(PatternKind.SUCCESS, null, null, null);
    assertThat(reader.list(pattern.tenant, "p1", successes, 5, null).items()).isEmpty();
  }

  private Optional<Pattern> own(PatternReader reader) {
    return reader.pattern(pattern.tenant, pattern.project, pattern.patternId);
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
    // The patterns alone: the other read models (and the embedding model) are not loaded.
    args.addAll(ProcessorsOff.allBut(PatternsProjection.GROUP));
    String group = "--agentos.projections.processors." + PatternsProjection.GROUP;
    args.add(group + ".name=" + processor);
    args.add(group + ".topics=" + topic);
    args.add(group + ".segments=1");
    return new SpringApplicationBuilder(ProjectionsApplication.class)
        .run(args.toArray(String[]::new));
  }

  private void createTopic(StackEndpoints stack) throws Exception {
    try (Admin admin = admin(stack)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static Admin admin(StackEndpoints stack) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }

  private CqlSession session(StackEndpoints stack) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter(stack.cassandraDatacenter())
        .withKeyspace(keyspace)
        .build();
  }

  private void cleanUp(StackEndpoints stack) throws Exception {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    try (CqlSession admin =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .build()) {
      // DDL waits for schema agreement: more than a query's default 2 s on a busy machine.
      Keyspace.execute(admin, "DROP KEYSPACE IF EXISTS " + keyspace);
    }
    try (Admin admin = admin(stack)) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
    TokenRows.delete(stack, processor);
  }

  /**
   * Publishes as Flink's exactly-once Kafka sink does: a transactional producer, values in the
   * registry's wire format.
   */
  private static final class Publisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>();
    private final String topic;

    Publisher(StackEndpoints stack, String topic, String transactionalId) {
      this.topic = topic;
      values.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  stack.kafkaBootstrapServers(),
                  ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                  transactionalId),
              new StringSerializer(),
              new ByteArraySerializer());
      producer.initTransactions();
    }

    void committed(PatternDetected... events) {
      producer.beginTransaction();
      send(events);
      producer.commitTransaction();
    }

    void aborted(PatternDetected... events) {
      producer.beginTransaction();
      send(events);
      producer.flush(); // on the topic, then aborted: only read_committed skips it
      producer.abortTransaction();
    }

    private void send(PatternDetected... events) {
      for (PatternDetected event : events) {
        producer.send(
            new ProducerRecord<>(topic, EventKeys.keyOf(event), values.serialize(topic, event)));
      }
    }

    @Override
    public void close() {
      producer.close();
      values.close();
    }
  }
}

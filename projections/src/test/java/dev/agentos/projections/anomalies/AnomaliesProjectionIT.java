package dev.agentos.projections.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.wiring.ProcessorsOff;
import dev.agentos.readmodels.anomalies.Anomaly;
import dev.agentos.readmodels.anomalies.AnomalyFilter;
import dev.agentos.readmodels.anomalies.AnomalyReader;
import dev.agentos.readmodels.cassandra.Keyspace;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The {@code anomalies-cassandra} projection on the real stack, alone, reading a topic of this run
 * into a keyspace of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by metric series. Anomalies become rows the reader answers, by id
 * and listed newest first across days; a redelivered anomaly rewrites its row and adds none; an
 * anomaly of an aborted transaction is never read; a replay rebuilds the same rows.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later anomaly shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class AnomaliesProjectionIT {

  private static final Instant DAY1 = Instant.parse("2026-12-06T23:59:59.500Z");
  private static final Instant DAY2 = Instant.parse("2026-12-07T00:00:00.250Z");
  private static final Duration PROJECTED = Duration.ofSeconds(120);

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_anomalies_" + run;
  private final String topic = "agentos.it.anomalies-" + run + ".v1";
  private final String processor = "it-anomalies-" + run;
  private final AnomalyReports latency =
      new AnomalyReports("tenant-" + run, "p1", "tool.latency_ms");

  /** The same metric in another project: another series, its anomalies listed there only. */
  private final AnomalyReports twin = new AnomalyReports(latency.tenant, "p2", "tool.latency_ms");

  @Test
  void anomaliesBecomeRowsOnceWhateverIsRedeliveredAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    createTopic(stack);
    try (Publisher publisher = new Publisher(stack, topic, "it-anomalies-" + run)) {
      AnomalyDetected first = latency.at(DAY1, 900, AnomalySeverity.HIGH);
      AnomalyDetected second = latency.at(DAY2, 2_000, AnomalySeverity.CRITICAL);
      AnomalyDetected elsewhere = twin.at(DAY1, 5, AnomalySeverity.LOW);
      publisher.committed(first, second, elsewhere);

      try (ConfigurableApplicationContext app = start(stack);
          CqlSession session = session(stack)) {
        AnomalyReader reader = new AnomalyReader(session);
        await()
            .atMost(PROJECTED)
            .until(() -> reader.anomaly(latency.tenant, "p1", second.getAnomalyId()).isPresent());
        Anomaly stored = reader.anomaly(latency.tenant, "p1", first.getAnomalyId()).orElseThrow();
        assertThat(stored.observed()).isEqualTo(900);
        assertThat(stored.severity()).isEqualTo(AnomalySeverity.HIGH);
        assertThat(stored.occurredAt()).isEqualTo(DAY1);
        assertThat(stored.tags()).containsEntry("tool", "search");
        assertThat(ids(reader, "p1")).containsExactly(second.getAnomalyId(), first.getAnomalyId());
        assertThat(reader.anomaly(latency.tenant, "p2", elsewhere.getAnomalyId()))
            .hasValueSatisfying(a -> assertThat(a.observed()).isEqualTo(5));
        assertThat(reader.anomaly(latency.tenant, "p2", first.getAnomalyId())).isEmpty();
        assertThat(ids(reader, "p2")).containsExactly(elsewhere.getAnomalyId());

        // Both again (a redelivery), one that Flink's transaction aborted; then a marker, which
        // shows once all of them have been read.
        publisher.committed(first, second);
        AnomalyDetected aborted = latency.at(DAY2.plusSeconds(60), 7_000, AnomalySeverity.CRITICAL);
        publisher.aborted(aborted);
        AnomalyDetected marker = latency.at(DAY2.plusSeconds(120), 1_000, AnomalySeverity.MEDIUM);
        publisher.committed(marker);
        await()
            .atMost(PROJECTED)
            .until(() -> reader.anomaly(latency.tenant, "p1", marker.getAnomalyId()).isPresent());
        List<String> projected = ids(reader, "p1");
        assertThat(projected)
            .containsExactly(marker.getAnomalyId(), second.getAnomalyId(), first.getAnomalyId());
        assertThat(reader.anomaly(latency.tenant, "p1", aborted.getAnomalyId())).isEmpty();
        assertThat(reader.anomaly(latency.tenant, "p1", first.getAnomalyId())).contains(stored);

        app.getBean(Replays.class).replay(AnomaliesProjection.GROUP);
        await()
            .atMost(PROJECTED)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    app.getBean(Replays.class).progress(AnomaliesProjection.GROUP).finished()
                        && reader.anomaly(latency.tenant, "p1", marker.getAnomalyId()).isPresent());
        assertThat(ids(reader, "p1")).isEqualTo(projected);
        assertThat(reader.anomaly(latency.tenant, "p1", first.getAnomalyId())).contains(stored);
      }
    } finally {
      cleanUp(stack);
    }
  }

  private List<String> ids(AnomalyReader reader, String project) {
    return reader.list(latency.tenant, project, AnomalyFilter.ANY, 10, null).items().stream()
        .map(Anomaly::anomalyId)
        .toList();
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
    // The anomalies alone: the other read models (and the embedding model) are not loaded.
    args.addAll(ProcessorsOff.allBut(AnomaliesProjection.GROUP));
    String group = "--agentos.projections.processors." + AnomaliesProjection.GROUP;
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

    void committed(AnomalyDetected... events) {
      producer.beginTransaction();
      send(events);
      producer.commitTransaction();
    }

    void aborted(AnomalyDetected... events) {
      producer.beginTransaction();
      send(events);
      producer.flush(); // on the topic, then aborted: only read_committed skips it
      producer.abortTransaction();
    }

    private void send(AnomalyDetected... events) {
      for (AnomalyDetected event : events) {
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

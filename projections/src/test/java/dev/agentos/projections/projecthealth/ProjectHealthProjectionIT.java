package dev.agentos.projections.projecthealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.wiring.ProcessorsOff;
import dev.agentos.readmodels.cassandra.Keyspace;
import dev.agentos.readmodels.health.HealthReader;
import dev.agentos.readmodels.health.HealthReport;
import dev.agentos.readmodels.health.HealthTrend;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import java.math.BigDecimal;
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
 * The {@code project-health-cassandra} projection on the real stack, alone, reading a topic of this
 * run into a keyspace of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by project. Reports become rows the reader answers, newest first; a
 * redelivered report changes nothing; a report of an aborted transaction is never read; a replay
 * rebuilds the same rows.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later report shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class ProjectHealthProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final Duration PROJECTED = Duration.ofSeconds(120);

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_health_" + run;
  private final String topic = "agentos.it.health-" + run + ".v1";
  private final String processor = "it-health-" + run;
  private final HealthReports p1 = new HealthReports("tenant-" + run, "p1");

  /** Another tenant's project of the same id: project ids are unique per tenant only. */
  private final HealthReports twin = new HealthReports("twin-" + run, "p1");

  private Instant hour(int n) {
    return T0.plusSeconds(3600L * n);
  }

  @Test
  void reportsBecomeRowsNewestFirstOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    createTopic(stack);
    try (Publisher publisher = new Publisher(stack, topic, "it-health-" + run)) {
      ProjectHealthReported first = p1.report(hour(1), "80.00");
      ProjectHealthReported second = p1.report(hour(2), "92.50", "99.99");
      publisher.committed(first, second, twin.report(hour(3), "10.00"));

      try (ConfigurableApplicationContext app = start(stack);
          CqlSession session = session(stack)) {
        HealthReader reader = new HealthReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(() -> assertThat(reader.latest(twin.tenant, "p1")).isPresent());
        HealthReport latest = reader.latest(p1.tenant, "p1").orElseThrow();
        assertThat(latest.reportId()).isEqualTo(second.getReportId());
        assertThat(latest.eventId()).isEqualTo(second.getHeader().getEventId());
        assertThat(latest.score()).isEqualTo(new BigDecimal("92.50"));
        assertThat(latest.components())
            .containsEntry("test-pass-rate", new BigDecimal("99.99"))
            .containsEntry("error-trend", new BigDecimal("0.00"))
            .hasSize(3);
        assertThat(latest.windowStart()).isEqualTo(hour(1));
        assertThat(reader.latest(p1.tenant, "p2")).isEmpty();
        List<HealthReport> trend = trend(reader);

        // The first report again (a redelivery) and a newer one that Flink's transaction
        // aborted; then a marker, which shows once all of them have been read.
        publisher.committed(first);
        publisher.aborted(p1.report(hour(5), "1.00"));
        publisher.committed(twin.report(hour(4), "20.00"));
        await()
            .atMost(PROJECTED)
            .until(
                () -> reader.latest(twin.tenant, "p1").orElseThrow().windowEnd().equals(hour(4)));
        assertThat(reader.latest(p1.tenant, "p1")).contains(latest);
        assertThat(trend(reader)).isEqualTo(trend).hasSize(2);

        app.getBean(Replays.class).replay(ProjectHealthProjection.GROUP);
        await()
            .atMost(PROJECTED)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    app.getBean(Replays.class).progress(ProjectHealthProjection.GROUP).finished()
                        && reader.latest(twin.tenant, "p1").isPresent());
        assertThat(trend(reader)).isEqualTo(trend);
      }
    } finally {
      cleanUp(stack);
    }
  }

  /** The project's reports of the run's hours, checked newest first and bounded by the range. */
  private List<HealthReport> trend(HealthReader reader) {
    HealthTrend all = reader.trend(p1.tenant, "p1", T0, hour(6), 10);
    assertThat(all.reports()).extracting(HealthReport::windowEnd).containsExactly(hour(2), hour(1));
    assertThat(all.truncated()).isFalse();
    HealthTrend newest = reader.trend(p1.tenant, "p1", T0, hour(6), 1);
    assertThat(newest.reports()).extracting(HealthReport::windowEnd).containsExactly(hour(2));
    assertThat(newest.truncated()).isTrue();
    assertThat(reader.trend(p1.tenant, "p1", hour(1), hour(2), 10).reports())
        .as("from inclusive, to exclusive")
        .extracting(HealthReport::windowEnd)
        .containsExactly(hour(1));
    return all.reports();
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
    // The health reports alone: the other read models (and the embedding model) are not loaded.
    args.addAll(ProcessorsOff.allBut(ProjectHealthProjection.GROUP));
    String group = "--agentos.projections.processors." + ProjectHealthProjection.GROUP;
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

    void committed(ProjectHealthReported... events) {
      producer.beginTransaction();
      send(events);
      producer.commitTransaction();
    }

    void aborted(ProjectHealthReported... events) {
      producer.beginTransaction();
      send(events);
      producer.flush(); // on the topic, then aborted: only read_committed skips it
      producer.abortTransaction();
    }

    private void send(ProjectHealthReported... events) {
      for (ProjectHealthReported event : events) {
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

package dev.agentos.projections.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.wiring.ProcessorsOff;
import dev.agentos.readmodels.features.FeatureEntityRef;
import dev.agentos.readmodels.features.FeatureReader;
import dev.agentos.readmodels.features.FeatureSample;
import dev.agentos.readmodels.features.FeatureSeries;
import dev.agentos.readmodels.features.FeatureVector;
import dev.agentos.readmodels.metrics.TimeRange;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
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
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code features-influx} projection on the real stack, alone, reading a topic of this run into
 * an InfluxDB database of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by entity and window. Vectors become points the reader answers as
 * the latest vector per window and as a feature's series; a redelivered vector changes nothing; a
 * vector of an aborted transaction is never read; a replay rebuilds the same points.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later vector shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class FeaturesInfluxProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofHours(1));
  private static final Duration PROJECTED = Duration.ofSeconds(120);
  private static final TimeRange DAY =
      new TimeRange(T0.minusSeconds(1), T0.plus(Duration.ofDays(1)));

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String database = "it_features_" + run;
  private final String topic = "agentos.it.features-" + run + ".v1";
  private final String processor = "it-features-" + run;
  private final String tenant = "tenant-" + run;
  private final FeatureEntityRef agent =
      new FeatureEntityRef(tenant, "p1", FeatureEntity.AGENT, "a1");

  /** The same agent id in another project: another entity. */
  private final FeatureEntityRef twin =
      new FeatureEntityRef(tenant, "p2", FeatureEntity.AGENT, "a1");

  @Test
  void vectorsBecomePointsOnceNeverFromAnAbortedTransactionAndAReplayRebuildsThem(
      StackEndpoints stack) throws Exception {
    createTopic(stack);
    try (Publisher publisher = new Publisher(stack, topic, "it-features-" + run);
        InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      FeatureVectorComputed second = FeatureVectors.agent(tenant, "p1", "a1", "1h", T1, 12, 0.75);
      publisher.committed(
          FeatureVectors.agent(tenant, "p1", "a1", "1h", T0, 10, 0.5),
          second,
          FeatureVectors.agent(tenant, "p1", "a1", "24h", T1, 30, 0.6, 7),
          FeatureVectors.agent(tenant, "p2", "a1", "1h", T1, 1, 0.1));

      try (ConfigurableApplicationContext app = start(stack)) {
        FeatureReader reader = new FeatureReader(influx, database);
        await()
            .atMost(PROJECTED)
            .ignoreExceptions() // the database is created as the application starts
            .until(() -> reader.latest(twin, null).size() == 1);
        List<FeatureVector> latest = reader.latest(agent, null);
        assertThat(latest).extracting(FeatureVector::window).containsExactly("1h", "24h");
        assertThat(latest.get(0).asOf()).isEqualTo(T1);
        assertThat(latest.get(0).featureSet()).isEqualTo("v1");
        assertThat(latest.get(0).features())
            .containsExactly(
                Map.entry("execution.count.1h", 12.0),
                Map.entry("execution.success.rate.1h", 0.75));
        assertThat(latest.get(1).features()).containsKey("tool.call.count.24h");
        assertThat(reader.latest(twin, "1h").get(0).features())
            .containsEntry("execution.count.1h", 1.0);
        assertThat(rates(reader)).containsExactly(0.5, 0.75);

        // The latest vector again (a redelivery) and a newer one whose transaction Flink aborted;
        // then a marker, which shows once both have been read.
        publisher.committed(second);
        publisher.aborted(
            FeatureVectors.agent(tenant, "p1", "a1", "1h", T1.plusSeconds(3600), 99, 0));
        FeatureEntityRef marker = new FeatureEntityRef(tenant, "p1", FeatureEntity.AGENT, "marker");
        publisher.committed(FeatureVectors.agent(tenant, "p1", "marker", "1h", T0, 1));
        await().atMost(PROJECTED).until(() -> !reader.latest(marker, "1h").isEmpty());
        assertThat(reader.latest(agent, null)).isEqualTo(latest);
        assertThat(rates(reader)).containsExactly(0.5, 0.75);

        app.getBean(Replays.class).replay(FeaturesInfluxProjection.GROUP);
        await()
            .atMost(PROJECTED)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    app.getBean(Replays.class).progress(FeaturesInfluxProjection.GROUP).finished()
                        && !reader.latest(marker, "1h").isEmpty());
        assertThat(reader.latest(agent, null)).isEqualTo(latest);
        assertThat(rates(reader)).containsExactly(0.5, 0.75);
      }
    } finally {
      cleanUp(stack);
    }
  }

  private List<Double> rates(FeatureReader reader) {
    FeatureSeries series =
        reader.series(agent, "1h", "execution.success.rate.1h", DAY, 10).orElseThrow();
    assertThat(series.truncated()).isFalse();
    return series.points().stream().map(FeatureSample::value).toList();
  }

  private ConfigurableApplicationContext start(StackEndpoints stack) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + stack.postgresJdbcUrl());
    args.add("--spring.datasource.username=" + stack.postgresUser());
    args.add("--spring.datasource.password=" + stack.postgresPassword());
    args.add("--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers());
    args.add("--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl());
    args.add("--agentos.projections.stores.influx.url=" + stack.influxdbUrl());
    args.add("--agentos.projections.stores.influx.features-database=" + database);
    // event-streams sets up its index templates even when disabled: point it at the stack's.
    args.add("--agentos.projections.stores.elasticsearch.url=" + stack.elasticsearchUrl());
    // The features alone: the other read models (and the embedding model) are not loaded.
    args.addAll(ProcessorsOff.allBut(FeaturesInfluxProjection.GROUP));
    String group = "--agentos.projections.processors." + FeaturesInfluxProjection.GROUP;
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

  private void cleanUp(StackEndpoints stack) throws Exception {
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      influx.query(new Query("DROP DATABASE " + database));
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

    void committed(FeatureVectorComputed... vectors) {
      producer.beginTransaction();
      send(vectors);
      producer.commitTransaction();
    }

    void aborted(FeatureVectorComputed... vectors) {
      producer.beginTransaction();
      send(vectors);
      producer.flush(); // on the topic, then aborted: only read_committed skips it
      producer.abortTransaction();
    }

    private void send(FeatureVectorComputed... vectors) {
      for (FeatureVectorComputed vector : vectors) {
        producer.send(
            new ProducerRecord<>(topic, EventKeys.keyOf(vector), values.serialize(topic, vector)));
      }
    }

    @Override
    public void close() {
      producer.close();
      values.close();
    }
  }
}

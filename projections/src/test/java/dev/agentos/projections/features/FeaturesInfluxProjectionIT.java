package dev.agentos.projections.features;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.features.FeatureEntityRef;
import dev.agentos.readmodels.features.FeatureReader;
import dev.agentos.readmodels.features.FeatureSample;
import dev.agentos.readmodels.features.FeatureSeries;
import dev.agentos.readmodels.features.FeatureVector;
import dev.agentos.readmodels.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
  private static final TimeRange DAY =
      new TimeRange(T0.minusSeconds(1), T0.plus(Duration.ofDays(1)));

  private final String database =
      "it_features_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String tenant = "tenant-" + UUID.randomUUID();
  private final FeatureEntityRef agent =
      new FeatureEntityRef(tenant, "p1", FeatureEntity.AGENT, "a1");

  /** The same agent id in another project: another entity. */
  private final FeatureEntityRef twin =
      new FeatureEntityRef(tenant, "p2", FeatureEntity.AGENT, "a1");

  @Test
  void vectorsBecomePointsOnceNeverFromAnAbortedTransactionAndAReplayRebuildsThem(
      StackEndpoints stack) throws Exception {
    try (ProjectionStage stage =
            ProjectionStage.open(stack, FeaturesInfluxProjection.GROUP, "features");
        TransactionalPublisher publisher = stage.publisher();
        InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      FeatureVectorComputed second = FeatureVectors.agent(tenant, "p1", "a1", "1h", T1, 12, 0.75);
      publisher.committed(
          FeatureVectors.agent(tenant, "p1", "a1", "1h", T0, 10, 0.5),
          second,
          FeatureVectors.agent(tenant, "p1", "a1", "24h", T1, 30, 0.6, 7),
          FeatureVectors.agent(tenant, "p2", "a1", "1h", T1, 1, 0.1));

      try (ConfigurableApplicationContext app =
          stage.start(
              "--agentos.projections.stores.influx.url=" + stack.influxdbUrl(),
              "--agentos.projections.stores.influx.features-database=" + database)) {
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

        stage.replayed(app, () -> !reader.latest(marker, "1h").isEmpty());
        assertThat(reader.latest(agent, null)).isEqualTo(latest);
        assertThat(rates(reader)).containsExactly(0.5, 0.75);
      } finally {
        influx.query(new Query("DROP DATABASE " + database));
      }
    }
  }

  private List<Double> rates(FeatureReader reader) {
    FeatureSeries series =
        reader.series(agent, "1h", "execution.success.rate.1h", DAY, 10).orElseThrow();
    assertThat(series.truncated()).isFalse();
    return series.points().stream().map(FeatureSample::value).toList();
  }
}

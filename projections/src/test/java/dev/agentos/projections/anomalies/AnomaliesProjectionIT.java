package dev.agentos.projections.anomalies;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.anomalies.Anomaly;
import dev.agentos.readmodels.anomalies.AnomalyFilter;
import dev.agentos.readmodels.anomalies.AnomalyReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

  private final AnomalyReports latency =
      new AnomalyReports("tenant-" + UUID.randomUUID(), "p1", "tool.latency_ms");

  /** The same metric in another project: another series, its anomalies listed there only. */
  private final AnomalyReports twin = new AnomalyReports(latency.tenant, "p2", "tool.latency_ms");

  @Test
  void anomaliesBecomeRowsOnceWhateverIsRedeliveredAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage =
            ProjectionStage.open(stack, AnomaliesProjection.GROUP, "anomalies");
        TransactionalPublisher publisher = stage.publisher()) {
      AnomalyDetected first = latency.at(DAY1, 900, AnomalySeverity.HIGH);
      AnomalyDetected second = latency.at(DAY2, 2_000, AnomalySeverity.CRITICAL);
      AnomalyDetected elsewhere = twin.at(DAY1, 5, AnomalySeverity.LOW);
      publisher.committed(first, second, elsewhere);

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
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

        stage.replayed(
            app, () -> reader.anomaly(latency.tenant, "p1", marker.getAnomalyId()).isPresent());
        assertThat(ids(reader, "p1")).isEqualTo(projected);
        assertThat(reader.anomaly(latency.tenant, "p1", first.getAnomalyId())).contains(stored);
      }
    }
  }

  private List<String> ids(AnomalyReader reader, String project) {
    return reader.list(latency.tenant, project, AnomalyFilter.ANY, 10, null).items().stream()
        .map(Anomaly::anomalyId)
        .toList();
  }
}

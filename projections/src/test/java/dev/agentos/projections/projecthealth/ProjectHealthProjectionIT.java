package dev.agentos.projections.projecthealth;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.health.HealthReader;
import dev.agentos.readmodels.health.HealthReport;
import dev.agentos.readmodels.health.HealthTrend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

  private final HealthReports p1 = new HealthReports("tenant-" + UUID.randomUUID(), "p1");

  /** Another tenant's project of the same id: project ids are unique per tenant only. */
  private final HealthReports twin = new HealthReports("twin-" + UUID.randomUUID(), "p1");

  private Instant hour(int n) {
    return T0.plusSeconds(3600L * n);
  }

  @Test
  void reportsBecomeRowsNewestFirstOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage =
            ProjectionStage.open(stack, ProjectHealthProjection.GROUP, "health");
        TransactionalPublisher publisher = stage.publisher()) {
      ProjectHealthReported first = p1.report(hour(1), "80.00");
      ProjectHealthReported second = p1.report(hour(2), "92.50", "99.99");
      publisher.committed(first, second, twin.report(hour(3), "10.00"));

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
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

        stage.replayed(app, () -> reader.latest(twin.tenant, "p1").isPresent());
        assertThat(trend(reader)).isEqualTo(trend);
      }
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
}

package dev.agentos.projections.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.readmodels.anomalies.Anomaly;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An anomaly's row: every field of the event, the header's owner and time. */
class AnomalyRowsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123Z");

  @Test
  void theRowHoldsEveryFieldOfTheEventAndItsHeadersOwnerAndTime() {
    AnomalyDetected event =
        new AnomalyReports("t1", "p1", "tool.latency_ms").at(T0, 900.0, AnomalySeverity.HIGH);

    Anomaly row = AnomalyRows.of(event);

    assertThat(row.anomalyId()).isEqualTo(event.getAnomalyId());
    assertThat(row.tenantId()).isEqualTo("t1");
    assertThat(row.projectId()).isEqualTo("p1");
    assertThat(row.metric()).isEqualTo("tool.latency_ms");
    assertThat(row.tags()).isEqualTo(Map.of("model", "m-1", "tool", "search"));
    assertThat(row.observed()).isEqualTo(900.0);
    assertThat(row.expected()).isEqualTo(120.0);
    assertThat(row.expectedLow()).isEqualTo(85.0);
    assertThat(row.expectedHigh()).isEqualTo(155.0);
    assertThat(row.deviation()).isEqualTo(78.0);
    assertThat(row.severity()).isEqualTo(AnomalySeverity.HIGH);
    assertThat(row.detector()).isEqualTo("median-mad/v1");
    assertThat(row.windowStart()).isEqualTo(T0.minusSeconds(600));
    assertThat(row.windowEnd()).isEqualTo(T0);
    assertThat(row.occurredAt()).isEqualTo(T0);
  }
}

package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.projections.anomalies.AnomalyRows;
import dev.agentos.projections.anomalies.AnomalyWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes anomalies into the query side's anomalies read model with the projections' own writer, as
 * the {@code anomalies-cassandra} projection would after reading them from Kafka. The tables exist
 * already: the query side waited for them at its start.
 */
final class AnomalySeed {

  final String tenant = "it-anomalies-" + UUID.randomUUID();
  private final AnomalyWriter writer;

  AnomalySeed(CqlSession session) {
    this.writer = AnomalyWriter.onCassandra(session);
  }

  /**
   * Writes an anomaly of {@code metric} in {@code project} at {@code at}, whose id is {@code id},
   * as the projection writes the event reporting it.
   */
  void anomaly(String project, String id, String metric, AnomalySeverity severity, Instant at) {
    AnomalyDetected event =
        AnomalyDetected.newBuilder()
            .setHeader(
                new EventHeader(id, at, tenant, project, "agent-1", null, null, "flink:anomalies"))
            .setAnomalyId(id)
            .setMetric(metric)
            .setTags(Map.of("tool", "search"))
            .setObserved(900.0)
            .setExpected(120.0)
            .setDeviation(7.5)
            .setExpectedLow(85.0)
            .setExpectedHigh(155.0)
            .setSeverity(severity)
            .setDetector("median-mad/v1")
            .setWindowStart(at.minusSeconds(600))
            .setWindowEnd(at.plusMillis(1))
            .build();
    if (!writer.write(List.of(AnomalyRows.of(event))).isEmpty()) {
      throw new IllegalStateException("the anomalies tables refused a seeded anomaly");
    }
  }
}

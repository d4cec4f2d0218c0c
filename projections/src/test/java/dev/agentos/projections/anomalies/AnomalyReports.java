package dev.agentos.projections.anomalies;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Anomalies of one metric series of one project, as the anomaly job reports them: the id derived
 * from the series and the sample's time (so a report of the same sample has the same id), the
 * header's time the sample's.
 */
final class AnomalyReports {

  final String tenant;
  final String project;
  final String metric;

  AnomalyReports(String tenant, String project, String metric) {
    this.tenant = tenant;
    this.project = project;
    this.metric = metric;
  }

  /** The id the job gives the anomaly of this series' sample at {@code at}. */
  String idAt(Instant at) {
    String sample = tenant + "|" + project + "|" + metric + "@" + at.toEpochMilli();
    return UUID.nameUUIDFromBytes(sample.getBytes(StandardCharsets.UTF_8)).toString();
  }

  AnomalyDetected at(Instant at, double observed, AnomalySeverity severity) {
    String id = idAt(at);
    return AnomalyDetected.newBuilder()
        .setHeader(
            new EventHeader(id, at, tenant, project, "agent-1", null, null, "flink:anomalies"))
        .setAnomalyId(id)
        .setMetric(metric)
        .setTags(Map.of("model", "m-1", "tool", "search"))
        .setObserved(observed)
        .setExpected(120.0)
        .setDeviation(Math.abs(observed - 120.0) / 10.0)
        .setExpectedLow(85.0)
        .setExpectedHigh(155.0)
        .setSeverity(severity)
        .setDetector("median-mad/v1")
        .setWindowStart(at.minusSeconds(600))
        .setWindowEnd(at)
        .build();
  }
}

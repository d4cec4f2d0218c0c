package dev.agentos.flink.anomalies.functions;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.flink.anomalies.Judgement;
import dev.agentos.flink.anomalies.MetricSample;
import dev.agentos.flink.anomalies.RobustDetector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds the {@link AnomalyDetected} event for a sample the detector flagged. */
public final class AnomalyDetections {

  /** The producer named in the header of every anomaly. */
  public static final String SOURCE = "flink:anomalies";

  private AnomalyDetections() {}

  /**
   * The id of the anomaly found at a sample: derived from the series and the sample's event time,
   * so replaying the same samples reports the same anomalies under the same ids and consumers
   * deduplicate them. (Two samples of a series at the same millisecond would share it.)
   */
  public static String idOf(String seriesKey, long eventTimeMillis) {
    byte[] name = (seriesKey + "@" + eventTimeMillis).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  /** The event reporting {@code judgement}, an anomaly, of {@code sample}. */
  public static AnomalyDetected of(MetricSample sample, Judgement judgement) {
    if (!judgement.anomalous()) {
      throw new IllegalArgumentException("not an anomaly: " + judgement);
    }
    String id = idOf(sample.seriesKey(), sample.eventTimeMillis());
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(id)
            .setOccurredAt(Instant.ofEpochMilli(sample.eventTimeMillis()))
            .setTenantId(sample.tenantId())
            .setProjectId(sample.projectId())
            // The agent whose sample was off; the series may be fed by several.
            .setAgentId(sample.agentId() != null ? sample.agentId() : "flink")
            .setSource(SOURCE)
            .build();
    return AnomalyDetected.newBuilder()
        .setHeader(header)
        .setAnomalyId(id)
        .setMetric(sample.name())
        .setTags(sample.tags())
        .setObserved(judgement.observed())
        .setExpected(judgement.expected())
        .setDeviation(judgement.score())
        .setExpectedLow(judgement.expectedLow())
        .setExpectedHigh(judgement.expectedHigh())
        .setSeverity(judgement.severity())
        .setDetector(RobustDetector.NAME)
        .setWindowStart(Instant.ofEpochMilli(judgement.windowStartMillis()))
        .setWindowEnd(Instant.ofEpochMilli(judgement.windowEndMillis()))
        .build();
  }
}

package dev.agentos.projections.anomalies;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.readmodels.anomalies.Anomaly;

/**
 * The row of an anomaly: every field of the event, the tenant and project from its header (the
 * series' owner, as for every event), the header's time (the sample's) as when it occurred.
 */
public final class AnomalyRows {

  private AnomalyRows() {}

  public static Anomaly of(AnomalyDetected e) {
    EventHeader h = e.getHeader();
    return new Anomaly(
        e.getAnomalyId(),
        h.getTenantId(),
        h.getProjectId(),
        e.getMetric(),
        e.getTags(),
        e.getObserved(),
        e.getExpected(),
        e.getExpectedLow(),
        e.getExpectedHigh(),
        e.getDeviation(),
        e.getSeverity(),
        e.getDetector(),
        e.getWindowStart(),
        e.getWindowEnd(),
        h.getOccurredAt());
  }
}

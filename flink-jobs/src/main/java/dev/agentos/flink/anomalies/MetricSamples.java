package dev.agentos.flink.anomalies;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.topics.MetricSeries;
import java.util.HashMap;

/** Builds {@link MetricSample}s from the events they stand for. */
public final class MetricSamples {

  private MetricSamples() {}

  /** The sample a recorded metric stands for, read from {@code position}. */
  public static MetricSample of(MetricRecorded metric, SourcePosition position) {
    EventHeader header = metric.getHeader();
    return new MetricSample(
        MetricSeries.keyOf(metric),
        header.getTenantId(),
        header.getProjectId(),
        header.getAgentId(),
        metric.getName(),
        // A copy: the Avro record may be reused by its reader once the sample has left it.
        new HashMap<>(metric.getTags()),
        metric.getValue(),
        metric.getUnit(),
        header.getOccurredAt().toEpochMilli(),
        position);
  }
}

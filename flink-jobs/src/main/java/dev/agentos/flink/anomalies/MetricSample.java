package dev.agentos.flink.anomalies;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;
import java.util.Map;

/**
 * One sample of a metric series as the anomaly detector sees it, flattened from {@code
 * MetricRecorded}. A record with only Flink-known field types, so Flink serializes it as a POJO
 * rather than falling back to Kryo, both between operators and in the detector's buffer.
 *
 * @param seriesKey the series ({@code MetricSeries.keyOf}), the key the detector is keyed by
 * @param tenantId tenant of the series
 * @param projectId project of the series
 * @param agentId agent that recorded the sample
 * @param name metric name
 * @param tags dimensions of the series
 * @param value the sample, in {@code unit}
 * @param unit unit of the value
 * @param eventTimeMillis when the sample was taken at its source, UTC epoch milliseconds
 * @param position the Kafka record the sample was read from
 */
public record MetricSample(
    String seriesKey,
    String tenantId,
    String projectId,
    String agentId,
    String name,
    Map<String, String> tags,
    double value,
    String unit,
    long eventTimeMillis,
    SourcePosition position)
    implements FromSource {}

package dev.agentos.projections.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One InfluxDB point of a metric series, described without an Influx client: the writer turns it
 * into whatever its client wants. Names and tags are already {@link InfluxNames safe}; tags are
 * sorted by key, the order InfluxDB indexes them in.
 *
 * @param measurement the metric name
 * @param tags scope tags and the metric's own tags
 * @param value the sample, field {@value #VALUE_FIELD}
 * @param eventId the event the sample came from, field {@value #EVENT_ID_FIELD}
 * @param timeMillis when the sample was taken, UTC epoch milliseconds
 */
public record MetricPoint(
    String measurement,
    SortedMap<String, String> tags,
    double value,
    String eventId,
    long timeMillis) {

  public static final String VALUE_FIELD = "value";
  public static final String EVENT_ID_FIELD = "event_id";

  public MetricPoint {
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(eventId, "eventId");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
  }

  /** The field set, in a stable order. */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(VALUE_FIELD, value);
    fields.put(EVENT_ID_FIELD, eventId);
    return Collections.unmodifiableMap(fields);
  }
}

package dev.agentos.projections.features;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The InfluxDB point of one feature vector, described without an Influx client. Tag keys and values
 * and field keys are already stored names ({@code FeatureSeriesNames}); both maps are sorted by
 * key.
 *
 * @param tags the vector's scope, entity, window and feature set
 * @param fields one value per feature
 * @param eventId the event the vector came from, to name it in a refusal
 * @param timeMillis the vector's {@code asOf}, UTC epoch milliseconds
 */
public record FeatureVectorPoint(
    SortedMap<String, String> tags,
    SortedMap<String, Double> fields,
    String eventId,
    long timeMillis) {

  public FeatureVectorPoint {
    Objects.requireNonNull(eventId, "eventId");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
  }

  /** The fields as the client takes them. */
  public Map<String, Object> fieldValues() {
    return Collections.unmodifiableMap(fields);
  }
}

package dev.agentos.projections.features;

import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.source.UnprocessableRecordException;
import dev.agentos.readmodels.features.FeatureSeriesNames;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps a {@link FeatureVectorComputed} to its InfluxDB point ({@link FeatureSeriesNames}): tags
 * tenant and project (from the header, which the features job fills from the activities' scope),
 * entity type and id, window and feature set; one field per feature; time = {@code asOf}.
 *
 * <p>The point is the vector's identity in InfluxDB 1.x (measurement + tag set + time), so a vector
 * written twice (a redelivery, a replay, the job recomputing a window after a restore) overwrites
 * its own point with the same fields: idempotent by construction, with no read first.
 *
 * <p>What InfluxDB cannot store, or would store wrong, is refused with {@link
 * UnprocessableRecordException}, so the record goes to the dead-letter topic with its reason: an
 * entity the features job does not compute, names and values of different lengths, no feature at
 * all (a point needs a field), a feature named twice, named like a tag or {@code time}, or not
 * finite, an {@code asOf} outside InfluxDB's time range.
 */
public final class FeaturePointMapper {

  /** InfluxDB's time range in milliseconds, as for metrics (about 1677-09-21 to 2262-04-11). */
  static final Instant EARLIEST = Instant.ofEpochMilli(-9_223_372_036_854L);

  static final Instant LATEST = Instant.ofEpochMilli(9_223_372_036_854L);

  /** The point to write for one vector. */
  public FeatureVectorPoint toPoint(FeatureVectorComputed vector) {
    String event = ", event " + vector.getHeader().getEventId();
    FeatureEntity entity = vector.getEntityType();
    if (entity != FeatureEntity.AGENT
        && entity != FeatureEntity.SESSION
        && entity != FeatureEntity.PROJECT) {
      throw new UnprocessableRecordException(
          "no feature vectors of " + entity + " entities are read" + event);
    }
    List<String> names = vector.getFeatureNames();
    List<Double> values = vector.getFeatureValues();
    if (names.size() != values.size()) {
      throw new UnprocessableRecordException(
          names.size() + " feature names for " + values.size() + " values" + event);
    }
    if (names.isEmpty()) {
      throw new UnprocessableRecordException("the vector has no features" + event);
    }
    Instant asOf = vector.getAsOf();
    if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
      throw new UnprocessableRecordException(
          "asOf " + asOf + " is outside InfluxDB's time range" + event);
    }

    SortedMap<String, Double> fields = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      String field = FeatureSeriesNames.field(names.get(i));
      if (field.isEmpty() || FeatureSeriesNames.TAGS.contains(field) || field.equals("time")) {
        throw new UnprocessableRecordException(
            "feature name \"" + names.get(i) + "\" cannot be a field" + event);
      }
      if (!Double.isFinite(values.get(i))) {
        throw new UnprocessableRecordException(
            "feature " + names.get(i) + " is " + values.get(i) + event);
      }
      if (fields.put(field, values.get(i)) != null) {
        throw new UnprocessableRecordException("feature " + names.get(i) + " twice" + event);
      }
    }

    SortedMap<String, String> tags = new TreeMap<>();
    tags.put(FeatureSeriesNames.TENANT, vector.getHeader().getTenantId());
    tags.put(FeatureSeriesNames.PROJECT, vector.getHeader().getProjectId());
    tags.put(FeatureSeriesNames.ENTITY_TYPE, entity.name());
    tags.put(FeatureSeriesNames.ENTITY_ID, vector.getEntityId());
    tags.put(FeatureSeriesNames.WINDOW, vector.getWindow());
    tags.put(FeatureSeriesNames.FEATURE_SET, vector.getFeatureSetVersion());
    // InfluxDB stores no empty tag value (and reads a missing tag as empty anyway).
    tags.values().removeIf(String::isEmpty);
    tags.replaceAll((key, value) -> FeatureSeriesNames.tagValue(value));
    return new FeatureVectorPoint(
        tags, fields, vector.getHeader().getEventId(), asOf.toEpochMilli());
  }
}

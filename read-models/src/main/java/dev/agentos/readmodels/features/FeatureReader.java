package dev.agentos.readmodels.features;

import dev.agentos.readmodels.metrics.InfluxQl;
import dev.agentos.readmodels.metrics.InfluxRows;
import dev.agentos.readmodels.metrics.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.influxdb.InfluxDB;

/**
 * Reads feature vectors from the InfluxDB database {@code features-influx} writes. Every statement
 * has the entity's tenant, project, type and id as conditions, the id built from the scope ({@link
 * FeatureEntityIds}), so another project's entity is never read, and it answers as one that has no
 * vectors. Names and values enter statements only through {@link InfluxQl}.
 */
public final class FeatureReader {

  private final InfluxRows influx;

  public FeatureReader(InfluxDB influx, String database) {
    this.influx = new InfluxRows(influx, database);
  }

  /**
   * The latest vector of {@code entity} in each window, in window order; only {@code window}'s when
   * it is not null. Empty for an entity with no vectors.
   */
  public List<FeatureVector> latest(FeatureEntityRef entity, String window) {
    List<FeatureVector> vectors = new ArrayList<>();
    for (InfluxRows.Row row : influx.select(latestStatement(entity, window))) {
      Map<String, Double> features = new TreeMap<>();
      row.columns()
          .forEach(
              (column, value) -> {
                if (!FeatureSeriesNames.TAGS.contains(column) && value instanceof Number n) {
                  features.put(FeatureSeriesNames.feature(column), n.doubleValue());
                }
              });
      vectors.add(
          new FeatureVector(
              FeatureSeriesNames.tagText(row.seriesTags().get(FeatureSeriesNames.WINDOW)),
              FeatureSeriesNames.tagText(row.text(FeatureSeriesNames.FEATURE_SET)),
              row.time(),
              features));
    }
    vectors.sort(Comparator.comparing(FeatureVector::window));
    return vectors;
  }

  /**
   * The values of {@code feature} (its full name, window label included) in {@code window}'s
   * vectors of {@code entity} within {@code range}, oldest first, at most {@code limit}; empty when
   * none is, {@link Optional#empty()} when the entity has no vector in that window at all.
   */
  public Optional<FeatureSeries> series(
      FeatureEntityRef entity, String window, String feature, TimeRange range, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    List<FeatureSample> points = new ArrayList<>();
    String field = FeatureSeriesNames.field(feature);
    for (InfluxRows.Row row :
        influx.select(seriesStatement(entity, window, feature, range, limit + 1))) {
      Double value = row.number(field);
      if (value != null) {
        points.add(new FeatureSample(row.time(), value));
      }
    }
    if (points.isEmpty() && latest(entity, window).isEmpty()) {
      return Optional.empty();
    }
    boolean truncated = points.size() > limit;
    return Optional.of(
        new FeatureSeries(truncated ? List.copyOf(points.subList(0, limit)) : points, truncated));
  }

  static String latestStatement(FeatureEntityRef entity, String window) {
    return "SELECT * FROM "
        + InfluxQl.identifier(FeatureSeriesNames.MEASUREMENT)
        + " WHERE "
        + conditions(entity, window)
        + " GROUP BY "
        + InfluxQl.identifier(FeatureSeriesNames.WINDOW)
        + " ORDER BY time DESC LIMIT 1";
  }

  static String seriesStatement(
      FeatureEntityRef entity, String window, String feature, TimeRange range, int limit) {
    return "SELECT "
        + InfluxQl.identifier(FeatureSeriesNames.field(feature))
        + " FROM "
        + InfluxQl.identifier(FeatureSeriesNames.MEASUREMENT)
        + " WHERE "
        + conditions(entity, window)
        + " AND "
        + range.condition()
        + " ORDER BY time ASC LIMIT "
        + limit;
  }

  private static String conditions(FeatureEntityRef entity, String window) {
    StringBuilder where =
        new StringBuilder()
            .append(tag(FeatureSeriesNames.TENANT, entity.tenantId()))
            .append(" AND ")
            .append(tag(FeatureSeriesNames.PROJECT, entity.projectId()))
            .append(" AND ")
            .append(tag(FeatureSeriesNames.ENTITY_TYPE, entity.type().name()))
            .append(" AND ")
            .append(tag(FeatureSeriesNames.ENTITY_ID, entity.entityId()));
    if (window != null) {
      where.append(" AND ").append(tag(FeatureSeriesNames.WINDOW, window));
    }
    return where.toString();
  }

  /** A tag condition on {@code value} as the writer stored it. */
  private static String tag(String key, String value) {
    return InfluxQl.equals(key, FeatureSeriesNames.tagValue(value));
  }
}

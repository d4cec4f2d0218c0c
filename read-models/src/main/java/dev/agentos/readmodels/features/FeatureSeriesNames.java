package dev.agentos.readmodels.features;

import dev.agentos.readmodels.metrics.InfluxNames;
import java.util.Set;

/**
 * How a feature vector is stored in InfluxDB, for the writer ({@code features-influx}) and the
 * reader alike: one point per vector in the measurement {@value #MEASUREMENT} of its own database
 * (a metric may be named {@code features}, and a replay of either read model drops every series of
 * its database), tagged with its scope and what it describes, one field per feature, at the
 * vector's {@code asOf}.
 *
 * <p>A point is identified by measurement, tag set and time, so a vector written again (a
 * redelivery, a replay, Flink's replay of a window) overwrites its own point; the tags include the
 * window and the feature set, so vectors of two windows, or of two versions of the features, never
 * overwrite each other.
 */
public final class FeatureSeriesNames {

  /** The database feature vectors are written to when none is configured. */
  public static final String DEFAULT_DATABASE = "agentos_features";

  public static final String MEASUREMENT = "features";

  public static final String TENANT = "tenant_id";
  public static final String PROJECT = "project_id";

  /** AGENT, SESSION or PROJECT. */
  public static final String ENTITY_TYPE = "entity_type";

  /** The entity id as the features job writes it ({@link FeatureEntityIds}). */
  public static final String ENTITY_ID = "entity_id";

  /** The window's length, e.g. {@code 1h}. */
  public static final String WINDOW = "window";

  /** The version of the feature definitions, e.g. {@code v1}. */
  public static final String FEATURE_SET = "feature_set";

  /** Every tag key, which no feature's field may be named. */
  public static final Set<String> TAGS =
      Set.of(TENANT, PROJECT, ENTITY_TYPE, ENTITY_ID, WINDOW, FEATURE_SET);

  private FeatureSeriesNames() {}

  /** The field key of feature {@code name}. */
  public static String field(String name) {
    return InfluxNames.name(name);
  }

  /** The feature a field key holds. */
  public static String feature(String field) {
    return InfluxNames.decoded(field);
  }

  /** A tag's value as stored. */
  public static String tagValue(String text) {
    return InfluxNames.value(text);
  }

  /** The text a stored tag value was made from. */
  public static String tagText(String stored) {
    return stored == null ? null : InfluxNames.decoded(stored);
  }
}

package dev.agentos.readmodels.metrics;

import java.util.Set;

/**
 * How a metric sample is stored in InfluxDB, for the writer ({@code metrics-influx}) and the reader
 * alike: one measurement per metric ({@link InfluxNames#name}), the scope as tags {@value #TENANT},
 * {@value #PROJECT}, {@value #AGENT} and {@value #SESSION}, the metric's own tags beside them, and
 * the fields {@value #VALUE} and {@value #EVENT_ID}.
 *
 * <p>A metric's own tag named like a scope tag, a field or {@code time} is stored with its first
 * character percent-encoded ({@link #tagKey}), so client input can never move a sample into another
 * tenant's series; a reader filtering by that tag computes the same key.
 */
public final class MetricSeriesNames {

  /** The database metric series are written to when none is configured. */
  public static final String DEFAULT_DATABASE = "agentos";

  public static final String TENANT = "tenant_id";
  public static final String PROJECT = "project_id";
  public static final String AGENT = "agent_id";
  public static final String SESSION = "session_id";
  public static final String VALUE = "value";
  public static final String EVENT_ID = "event_id";

  private static final Set<String> RESERVED =
      Set.of(TENANT, PROJECT, AGENT, SESSION, VALUE, EVENT_ID, "time");

  private MetricSeriesNames() {}

  /** The measurement of metric {@code name}. */
  public static String measurement(String name) {
    return InfluxNames.name(name);
  }

  /** The tag key a metric's own tag {@code key} is stored under. */
  public static String tagKey(String key) {
    String safe = InfluxNames.name(key);
    // Reserved names are plain ASCII, so their first character is one percent-encoded byte.
    return RESERVED.contains(safe)
        ? String.format("%%%02X", (int) safe.charAt(0)) + safe.substring(1)
        : safe;
  }
}

package dev.agentos.schemas.topics;

import dev.agentos.events.metrics.MetricRecorded;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one place that builds the Kafka key of a metric series, the key of {@link Topics#METRICS},
 * {@link Topics#METRICS_RAW} and {@link Topics#ANOMALIES}: {@code
 * tenantId/projectId/name{k1=v1,k2=v2}}, tags sorted by name, {@code {}} when there are none.
 *
 * <p>Two samples of the same series must land on the same partition whatever order their tags
 * arrived in, so tags are sorted; two different series must never share a key, so a {@code \},
 * {@code /}, {@code {}, {@code }}, {@code ,} or {@code =} inside any part is escaped with a
 * backslash.
 */
public final class MetricSeries {

  private static final String SPECIAL = "\\/{},=";

  private MetricSeries() {}

  /** The series key of a metric sample. */
  public static String keyOf(MetricRecorded metric) {
    return keyOf(
        metric.getHeader().getTenantId(),
        metric.getHeader().getProjectId(),
        metric.getName(),
        metric.getTags());
  }

  /** The series key of any event that names a series, e.g. an anomaly found on one. */
  public static String keyOf(
      String tenantId, String projectId, String name, Map<String, String> tags) {
    StringBuilder key = new StringBuilder();
    escape(Objects.requireNonNull(tenantId, "tenantId"), key).append('/');
    escape(Objects.requireNonNull(projectId, "projectId"), key).append('/');
    escape(Objects.requireNonNull(name, "name"), key).append('{');
    // A TreeMap sorts by tag name; names are unique in a map, so the order is total.
    String separator = "";
    for (Map.Entry<String, String> tag :
        new TreeMap<>(Objects.requireNonNull(tags, "tags")).entrySet()) {
      key.append(separator);
      escape(tag.getKey(), key).append('=');
      escape(Objects.requireNonNull(tag.getValue(), () -> "tag " + tag.getKey()), key);
      separator = ",";
    }
    return key.append('}').toString();
  }

  private static StringBuilder escape(String part, StringBuilder out) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out;
  }
}

package dev.agentos.readmodels.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A read of one metric's series within one project.
 *
 * @param tenantId the caller's tenant: always a condition
 * @param projectId the project read: always a condition
 * @param name the metric, as recorded
 * @param tags the metric's own tags the samples must have, as recorded (empty: any)
 * @param agentId only this agent's samples, or null for every agent's
 * @param sessionId only this session's samples, or null
 * @param interval null for the samples themselves; else one point per interval (aligned to the
 *     epoch, empty intervals left out) holding {@code aggregate} of its samples
 * @param aggregate what an interval's point holds; null exactly when {@code interval} is
 * @param limit at most this many points are answered
 */
public record MetricQuery(
    String tenantId,
    String projectId,
    String name,
    SortedMap<String, String> tags,
    String agentId,
    String sessionId,
    TimeRange range,
    Duration interval,
    MetricAggregate aggregate,
    int limit) {

  public MetricQuery {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(range, "range");
    tags = new TreeMap<>(tags);
    if ((interval == null) != (aggregate == null)) {
      throw new IllegalArgumentException("an interval and its aggregate go together");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
  }

  /** The samples of {@code name} in range, any tags, any agent. */
  public static MetricQuery samples(
      String tenantId, String projectId, String name, TimeRange range, int limit) {
    return new MetricQuery(
        tenantId, projectId, name, new TreeMap<>(Map.of()), null, null, range, null, null, limit);
  }
}

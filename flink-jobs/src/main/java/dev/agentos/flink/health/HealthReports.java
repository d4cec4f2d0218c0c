package dev.agentos.flink.health;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ProjectHealthReported;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Builds the {@code ProjectHealthReported} of one project and window. */
public final class HealthReports {

  static final String SOURCE = "flink:" + HealthJob.NAME;
  static final String AGENT = "flink";

  private HealthReports() {}

  /**
   * The report's id, derived from the project and the window, never random: replaying the same
   * history reports the same windows under the same ids, which consumers deduplicate. The window's
   * start is part of it, so reports over windows of different lengths do not collide.
   */
  public static String reportId(
      String tenantId, String projectId, long windowStart, long windowEnd) {
    String name = "health\n" + tenantId + "\n" + projectId + "\n" + windowStart + "\n" + windowEnd;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The report of {@code window}'s counts, or null when it has no component to report. */
  static ProjectHealthReported of(
      String tenantId, String projectId, long windowStart, long windowEnd, HealthWindow window) {
    SortedMap<String, BigDecimal> components = HealthScores.components(window);
    if (components.isEmpty()) {
      return null;
    }
    String id = reportId(tenantId, projectId, windowStart, windowEnd);
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(id)
            .setOccurredAt(Instant.ofEpochMilli(windowEnd))
            .setTenantId(tenantId)
            .setProjectId(projectId)
            .setAgentId(AGENT)
            .setSource(SOURCE)
            .build();
    return ProjectHealthReported.newBuilder()
        .setHeader(header)
        .setReportId(id)
        .setScore(HealthScores.score(components))
        .setComponents(new TreeMap<>(components))
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .build();
  }
}

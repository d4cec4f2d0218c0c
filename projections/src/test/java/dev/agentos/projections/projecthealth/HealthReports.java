package dev.agentos.projections.projecthealth;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ProjectHealthReported;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Health reports of one project, as the health job publishes them: each call a new event (its own
 * eventId), the report id derived from the project and window as the job's is, the header's time
 * the window's end.
 */
final class HealthReports {

  static final Duration WINDOW = Duration.ofHours(1);

  final String tenant;
  final String project;

  HealthReports(String tenant, String project) {
    this.tenant = tenant;
    this.project = project;
  }

  /** The report of the window ending at {@code windowEnd}, scored {@code score} ("87.50"). */
  ProjectHealthReported report(Instant windowEnd, String score) {
    return report(windowEnd, score, "100.00");
  }

  ProjectHealthReported report(Instant windowEnd, String score, String testPassRate) {
    return ProjectHealthReported.newBuilder()
        .setHeader(
            new EventHeader(
                UUID.randomUUID().toString(),
                windowEnd,
                tenant,
                project,
                "project-health-job",
                null,
                null,
                "flink"))
        .setReportId(reportId(windowEnd))
        .setScore(new BigDecimal(score))
        .setComponents(
            Map.of(
                "test-pass-rate", new BigDecimal(testPassRate),
                "execution-success", new BigDecimal("75.25"),
                "error-trend", new BigDecimal("0.00")))
        .setWindowStart(windowEnd.minus(WINDOW))
        .setWindowEnd(windowEnd)
        .build();
  }

  String reportId(Instant windowEnd) {
    return project + ":" + windowEnd.minus(WINDOW).toEpochMilli() + "-" + windowEnd.toEpochMilli();
  }
}

package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.projections.projecthealth.HealthReportRows;
import dev.agentos.projections.projecthealth.HealthReportWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes health reports into the query side's health read model with the projections' own writer,
 * as the {@code project-health-cassandra} projection would after reading them from Kafka. The table
 * exists already: the query side waited for it at its start.
 */
final class ProjectHealthSeed {

  static final Duration WINDOW = Duration.ofHours(1);

  final String tenant = "it-health-" + UUID.randomUUID();
  private final HealthReportWriter writer;

  ProjectHealthSeed(CqlSession session) {
    this.writer = HealthReportWriter.onCassandra(session);
  }

  /** The report of the hour ending at {@code windowEnd}, scored {@code score} (e.g. "87.5"). */
  void report(String project, Instant windowEnd, String score, Map<String, String> components) {
    ProjectHealthReported report =
        ProjectHealthReported.newBuilder()
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
            .setReportId(project + ":" + windowEnd)
            .setScore(cents(score))
            .setComponents(
                components.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> cents(e.getValue()))))
            .setWindowStart(windowEnd.minus(WINDOW))
            .setWindowEnd(windowEnd)
            .build();
    if (!writer.write(List.of(HealthReportRows.of(report))).isEmpty()) {
      throw new IllegalStateException("the health table refused a seeded report");
    }
  }

  /** As the job's decimal(5,2): two decimals. */
  private static BigDecimal cents(String value) {
    return new BigDecimal(value).setScale(2);
  }
}

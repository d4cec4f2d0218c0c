package dev.agentos.projections.projecthealth;

import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.health.HealthReport;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every {@code ProjectHealthReported} the learning jobs
 * publish becomes its report's row, what {@code GET /v1/projects/{id}/health} reads. Reports are
 * collected per processor batch and written together by {@link HealthReportWriter}.
 *
 * <p>Named {@code projecthealth}, not {@code health}: {@code dev.agentos.projections.health} is the
 * processors' own health indicators.
 */
@ProcessingGroup(ProjectHealthProjection.GROUP)
public class ProjectHealthProjection {

  public static final String GROUP = "project-health-cassandra";

  private final BatchPerUnitOfWork<HealthReport> batch;
  private final Runnable clear;

  /**
   * @param clear empties the health table, before a replay
   * @param refused sets aside the records of reports Cassandra refuses for good
   */
  public ProjectHealthProjection(
      HealthReportWriter writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from an empty table,
   * so a report the topic no longer holds (retention) is not left behind as if still published.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(ProjectHealthReported e) {
    batch.add(HealthReportRows.of(e));
  }
}

package dev.agentos.projections.projecthealth;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.readmodels.health.HealthReport;

/**
 * The row of a health report: every field of the event, the tenant and project from its header (the
 * project's owner, as for every event), the header's eventId as the report's.
 */
public final class HealthReportRows {

  private HealthReportRows() {}

  public static HealthReport of(ProjectHealthReported e) {
    EventHeader h = e.getHeader();
    return new HealthReport(
        e.getReportId(),
        h.getTenantId(),
        h.getProjectId(),
        e.getWindowStart(),
        e.getWindowEnd(),
        e.getScore(),
        e.getComponents(),
        h.getEventId());
  }
}

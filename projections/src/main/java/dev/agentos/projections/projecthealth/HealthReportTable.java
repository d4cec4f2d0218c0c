package dev.agentos.projections.projecthealth;

import dev.agentos.readmodels.health.HealthReport;
import java.util.List;

/**
 * Where the health writer puts its reports. A report is keyed by (tenant, project, window end,
 * report id): writing it again replaces it with itself.
 */
interface HealthReportTable {

  /**
   * Writes {@code reports}.
   *
   * @throws com.datastax.oss.driver.api.core.servererrors.InvalidQueryException when the store
   *     refuses a report for good; anything else thrown may pass and is retried
   */
  void write(List<HealthReport> reports);
}

package dev.agentos.readmodels.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's statement: a project's reports in one partition, newest window first. */
class HealthSchemaTest {

  private final String table = HealthSchema.singleNode("ks").table();

  @Test
  void theTableIsPartitionedByTenantAndProjectAndClusteredNewestWindowFirst() {
    assertThat(table)
        .startsWith("CREATE TABLE IF NOT EXISTS ks.project_health_reports")
        .contains("PRIMARY KEY ((tenant_id, project_id), window_end, report_id))")
        .contains("CLUSTERING ORDER BY (window_end DESC, report_id ASC)");
  }

  @Test
  void theTableHasAColumnForEveryFieldOfAReport() {
    assertThat(
            List.of(
                "report_id",
                "window_start",
                "window_end",
                "score decimal",
                "components frozen<map<text, decimal>>",
                "event_id"))
        .allSatisfy(column -> assertThat(table).contains(column));
  }
}

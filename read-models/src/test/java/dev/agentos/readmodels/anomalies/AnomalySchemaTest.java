package dev.agentos.readmodels.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout's statements: the tables first, each keyed by tenant and project, then the list
 * indexes; and the UTC day an anomaly is listed under.
 */
class AnomalySchemaTest {

  private final AnomalySchema schema = AnomalySchema.singleNode("ks");

  private String table(String name) {
    return schema.statements().stream()
        .filter(s -> s.startsWith("CREATE TABLE IF NOT EXISTS ks." + name + " "))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAnomalyByIdIsOnePartitionOfItsTenantAndProject() {
    assertThat(table("anomalies_by_id"))
        .contains("PRIMARY KEY ((tenant_id, project_id, anomaly_id)))");
  }

  @Test
  void theListIsPartitionedByTenantProjectAndDayNewestFirst() {
    String list = table("anomalies_by_day");

    assertThat(list)
        .contains("PRIMARY KEY ((tenant_id, project_id, day), occurred_at, anomaly_id))")
        .contains("CLUSTERING ORDER BY (occurred_at DESC, anomaly_id ASC)");
    assertThat(table("anomaly_days"))
        .contains("PRIMARY KEY ((tenant_id, project_id), day))")
        .contains("CLUSTERING ORDER BY (day DESC)");
  }

  @Test
  void bothAnomalyTablesHoldEveryFieldOfTheEvent() {
    List<String> columns =
        List.of(
            "occurred_at",
            "metric",
            "tags",
            "observed",
            "expected",
            "expected_low",
            "expected_high",
            "deviation",
            "severity",
            "detector",
            "window_start",
            "window_end");
    for (String table : List.of("anomalies_by_id", "anomalies_by_day")) {
      assertThat(columns)
          .allSatisfy(column -> assertThat(table(table)).containsPattern("\\b" + column + " \\w+"));
    }
    assertThat(table("anomalies_by_day")).containsPattern("\\bseverity_rank int");
  }

  @Test
  void everyListFilterHasItsIndexOnTheListTable() {
    assertThat(schema.indexNames())
        .containsExactly("anomalies_by_day_metric", "anomalies_by_day_severity_rank");
    assertThat(schema.statements().subList(3, schema.statements().size()))
        .hasSize(2)
        .allSatisfy(
            index ->
                assertThat(index)
                    .containsPattern("ON ks.anomalies_by_day \\((metric|severity_rank)\\)")
                    .endsWith("'StorageAttachedIndex'"));
  }

  @Test
  void anAnomalyIsListedUnderTheUtcDayOfItsSample() {
    assertThat(AnomalySchema.dayOf(Instant.parse("2026-12-07T23:59:59.999Z")))
        .isEqualTo(LocalDate.parse("2026-12-07"));
    assertThat(AnomalySchema.dayOf(Instant.parse("2026-12-08T00:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-12-08"));
  }
}

package dev.agentos.readmodels.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's statements: the table first, keyed by tenant and project, then its list indexes. */
class PatternSchemaTest {

  private final PatternSchema schema = PatternSchema.singleNode("ks");

  @Test
  void theTableIsPartitionedByTenantAndProjectAndClusteredByPatternId() {
    String table = schema.statements().get(0);

    assertThat(table)
        .startsWith("CREATE TABLE IF NOT EXISTS ks.patterns")
        .contains("PRIMARY KEY ((tenant_id, project_id), pattern_id))");
    assertThat(
            List.of(
                "kind",
                "status",
                "signature",
                "language",
                "error_type",
                "top_frames",
                "examples",
                "occurrences",
                "recent_occurrences",
                "first_seen_at",
                "last_seen_at",
                "agents_affected",
                "sessions_affected",
                "support",
                "success_rate",
                "event_id",
                "detected_at"))
        .allSatisfy(column -> assertThat(table).containsPattern("\\b" + column + " \\w+"));
  }

  @Test
  void everyListFilterHasItsIndexOnTheTable() {
    assertThat(schema.indexNames())
        .containsExactly(
            "patterns_kind", "patterns_status", "patterns_language", "patterns_last_seen_at");
    assertThat(schema.statements().subList(1, schema.statements().size()))
        .hasSize(4)
        .allSatisfy(
            index ->
                assertThat(index).contains("ON ks.patterns (").endsWith("'StorageAttachedIndex'"));
  }
}

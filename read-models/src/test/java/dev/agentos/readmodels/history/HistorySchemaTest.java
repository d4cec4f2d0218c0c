package dev.agentos.readmodels.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table's statement and the row record name the same columns, so the writer binds them all. */
class HistorySchemaTest {

  @Test
  void theTableHasAColumnForEveryFieldOfTheRowInItsOrder() {
    String table = HistorySchema.singleNode("ks").table();

    assertThat(table).startsWith("CREATE TABLE IF NOT EXISTS ks.memory_history");
    assertThat(HistoryRow.COLUMNS)
        .hasSize(HistoryRow.class.getRecordComponents().length)
        .startsWith("tenant_id", "memory_id", "sequence", "event_type")
        .allSatisfy(column -> assertThat(table).containsPattern("\\b" + column + " \\w+"));
  }

  @Test
  void theColumnValuesAreTheFieldsInTheColumnsOrder() {
    HistoryRow row =
        new HistoryRow(
            "t",
            "m",
            3,
            HistoryRow.UPDATED,
            "e",
            Instant.EPOCH,
            "a",
            null,
            "p",
            null,
            "FACT",
            "c",
            "h",
            Set.of("x"),
            Map.of("k", "v"),
            0.5f,
            null,
            null,
            null,
            null,
            null,
            null);

    Object[] values = row.columnValues();

    assertThat(values).hasSize(HistoryRow.COLUMNS.size());
    assertThat(values[HistoryRow.COLUMNS.indexOf("sequence")]).isEqualTo(3L);
    assertThat(values[HistoryRow.COLUMNS.indexOf("content_hash")]).isEqualTo("h");
    assertThat(values[HistoryRow.COLUMNS.indexOf("confidence")]).isEqualTo(0.5f);
    assertThat(values[HistoryRow.COLUMNS.indexOf("strength")]).isNull();
  }
}

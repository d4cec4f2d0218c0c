package dev.agentos.projections.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.readmodels.memory.MemorySchema;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySchemaTest {

  @Test
  void everyTableAndIndexIsCreatedIfNotExistsInTheGivenKeyspace() {
    List<String> ddl = MemorySchema.singleNode("ks_test").statements();

    List<String> tables = ddl.stream().filter(s -> s.startsWith("CREATE TABLE")).toList();
    List<String> indexes = ddl.stream().filter(s -> s.startsWith("CREATE CUSTOM INDEX")).toList();

    assertThat(ddl).hasSize(11).noneSatisfy(s -> assertThat(s).contains("${keyspace}"));
    assertThat(tables)
        .hasSize(9)
        .allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS ks_test."));
    assertThat(indexes)
        .hasSize(2)
        .allSatisfy(
            s ->
                assertThat(s)
                    .startsWith("CREATE CUSTOM INDEX IF NOT EXISTS memories_by_scope_")
                    .contains(" ON ks_test.memories_by_scope (")
                    .endsWith("USING 'StorageAttachedIndex'"));
    assertThat(ddl.indexOf(indexes.get(0)))
        .as("an index after its table")
        .isGreaterThan(ddl.indexOf(tables.get(1)));
  }

  @Test
  void aTruncateEmptiesEveryTableTheSchemaCreatesIncludingTheAccessTallies() {
    assertThat(MemorySchema.singleNode("agentos_test").tableNames())
        .hasSize(9)
        .doesNotHaveDuplicates()
        .contains("memories_by_id", "memories_by_scope", "memory_access_tallies")
        .doesNotContain("memory_lists");
  }

  @Test
  void theListIndexesAreTheSchemasOwnStatementsByName() {
    MemorySchema schema = MemorySchema.singleNode("ks_test");

    assertThat(schema.indexNames())
        .containsExactly("memories_by_scope_type", "memories_by_scope_tags");
    assertThat(schema.indexStatements())
        .hasSize(2)
        .allSatisfy(s -> assertThat(schema.statements()).contains(s))
        .allSatisfy(s -> assertThat(s).startsWith("CREATE CUSTOM INDEX IF NOT EXISTS"));
  }

  @Test
  void aKeyspaceNameThatIsNotAnIdentifierIsRefused() {
    assertThatThrownBy(() -> MemorySchema.singleNode("x; DROP KEYSPACE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listRowsLiveUntilTheMemoryExpires() {
    Instant now = Instant.parse("2026-11-01T10:00:00Z");

    assertThat(ListRows.ttlSeconds(null, now)).isZero();
    assertThat(ListRows.ttlSeconds(now.plusMillis(1500), now)).isEqualTo(2);
    assertThat(ListRows.ttlSeconds(now, now)).isEqualTo(-1);
    assertThat(ListRows.ttlSeconds(now.plusSeconds(1_000_000_000L), now)).isEqualTo(630_720_000);
  }
}
